import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { announceAccessRevoked } from '../auth/revocations.js';
import { countActiveAdmins, revokeUserTokens, ROLES, rowToUser, type User } from './user.js';
import { guardLastAdmin, loadUserByEmail, userTarget } from './user-target.js';

export const setRoleInput = userTarget.extend({ role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }) });

/** Changes a role; the user's sessions and tokens end at once so the new role applies immediately. */
export async function setUserRole(deps: Deps, actor: Actor, input: z.input<typeof setRoleInput>): Promise<User> {
  authorize(actor, 'users.manage');
  const { email, role } = parseInput(setRoleInput, input);
  const user = await deps.db.transaction().execute(async (trx) => {
    const row = await loadUserByEmail(trx, email);
    if (row.role === role) return rowToUser(row);
    if (row.role === 'admin' && !row.is_disabled) guardLastAdmin((await countActiveAdmins(trx)) - 1, `change the role of ${email}`);
    const now = deps.clock.now();
    await revokeUserTokens(trx, row.id, now);
    const updated = await trx.updateTable('users').set({ role, updated_at: now }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    return rowToUser(updated);
  });
  announceAccessRevoked(user.id);
  return user;
}

