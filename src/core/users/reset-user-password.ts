import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { hashPassword, passwordSchema } from '../auth/passwords.js';
import { revokeUserTokens, rowToUser, type User } from './user.js';
import { loadUserByEmail, userTarget } from './user-target.js';

export const resetPasswordInput = userTarget.extend({ password: passwordSchema });

/** An admin sets a new password for an account; every session of that account ends. */
export async function resetUserPassword(deps: Deps, actor: Actor, input: z.input<typeof resetPasswordInput>): Promise<User> {
  authorize(actor, 'users.manage');
  const { email, password } = parseInput(resetPasswordInput, input);
  const hash = await hashPassword(password, deps.config.bcryptCost);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadUserByEmail(trx, email);
    const now = deps.clock.now();
    await revokeUserTokens(trx, row.id, now);
    const updated = await trx.updateTable('users').set({ password_hash: hash, updated_at: now }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    return rowToUser(updated);
  });
}
