import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { NexusError } from '../errors.js';
import { announceAccessRevoked } from '../auth/revocations.js';
import { countActiveAdmins, revokeUserTokens, rowToUser, type User } from './user.js';
import { guardLastAdmin, loadUserByEmail, userTarget } from './user-target.js';

export const setDisabledInput = userTarget.extend({ disabled: z.boolean() });

/** Disables (ending every session at once) or re-enables an account. */
export async function setUserDisabled(deps: Deps, actor: Actor, input: z.input<typeof setDisabledInput>): Promise<User> {
  authorize(actor, 'users.manage');
  const { email, disabled } = parseInput(setDisabledInput, input);
  const user = await deps.db.transaction().execute(async (trx) => {
    const row = await loadUserByEmail(trx, email);
    if (disabled && row.id === actor.id) {
      throw new NexusError('CONFLICT', 'You cannot disable your own account', { hint: 'Ask another admin to do it.' });
    }
    if (row.is_disabled === disabled) return rowToUser(row);
    if (disabled && row.role === 'admin') guardLastAdmin((await countActiveAdmins(trx)) - 1, `disable ${email}`);
    const now = deps.clock.now();
    if (disabled) await revokeUserTokens(trx, row.id, now);
    const updated = await trx
      .updateTable('users')
      .set({ is_disabled: disabled, updated_at: now })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToUser(updated);
  });
  // After the commit: a cache of checked tokens in this process forgets this user's at once.
  if (disabled) announceAccessRevoked(user.id);
  return user;
}

