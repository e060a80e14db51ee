import { sql } from 'kysely';
import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { ROLES, rowToUser, type User } from './user.js';

export const listUsersInput = z.object({
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }).optional(),
  includeDisabled: z.boolean().default(true),
  search: z.string().trim().max(200).optional(),
  limit: z.number().int().min(1).max(1000).default(200),
});
export type ListUsersInput = z.input<typeof listUsersInput>;

export async function listUsers(deps: Deps, actor: Actor, input: ListUsersInput = {}): Promise<User[]> {
  authorize(actor, 'users.manage');
  const q = parseInput(listUsersInput, input);
  let query = deps.db.selectFrom('users').selectAll().orderBy(sql`array_position(array['admin','agent','customer'], role)`).orderBy('email').limit(q.limit);
  if (q.role) query = query.where('role', '=', q.role);
  if (!q.includeDisabled) query = query.where('is_disabled', '=', false);
  if (q.search) {
    const pattern = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)]));
  }
  return (await query.execute()).map(rowToUser);
}
