import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { announceAccessRevoked } from '../auth/revocations.js';
import { hashPassword, passwordSchema } from '../auth/passwords.js';
import { revokeUserTokens, rowToUser, type User } from './user.js';
import { loadUserByEmail, userTarget } from './user-target.js';

export const resetPasswordInput = userTarget.extend({ password: passwordSchema });

/** An admin sets a new password for an account; every session of that account ends. */
export async function resetUserPassword(deps: Deps, actor: Actor, input: z.input<typeof resetPasswordInput>): Promise<User> {
  authorize(actor, 'users.manage');
  return setPassword(deps, input);
}

/**
 * Recovery of a lost password by whoever holds the database itself — the owner of the embedded data
 * folder, or of the Postgres URL and secret — who can read and change every row anyway. No actor: only
 * the CLI's `nexus users reset-password --local` calls it, never the API.
 */
export async function recoverPasswordLocally(deps: Deps, input: z.input<typeof resetPasswordInput>): Promise<User> {
  return setPassword(deps, input);
}

async function setPassword(deps: Deps, input: z.input<typeof resetPasswordInput>): Promise<User> {
  const { email, password } = parseInput(resetPasswordInput, input);
  const hash = await hashPassword(password, deps.config.bcryptCost);
  const user = await deps.db.transaction().execute(async (trx) => {
    const row = await loadUserByEmail(trx, email);
    const now = deps.clock.now();
    await revokeUserTokens(trx, row.id, now);
    const updated = await trx.updateTable('users').set({ password_hash: hash, updated_at: now }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    return rowToUser(updated);
  });
  announceAccessRevoked(user.id);
  return user;
}
