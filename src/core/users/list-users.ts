import { sql } from 'kysely';
import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { ROLES, rowToUser, type User } from './user.js';
import { offsetCursor, pageAt, type Page } from '../documents.js';
import { NexusError } from '../errors.js';

export const listUsersInput = z.object({
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }).optional(),
  includeDisabled: z.boolean().default(true),
  search: z.string().trim().max(200).optional(),
  limit: z.coerce.number({ message: 'must be a number from 1 to 1000' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(200),
  cursor: z.string().trim().min(1).optional(),
});
export type ListUsersInput = z.input<typeof listUsersInput>;

export async function listUsers(deps: Deps, actor: Actor, input: ListUsersInput = {}): Promise<Page<User>> {
  authorize(actor, 'users.manage');
  const q = parseInput(listUsersInput, input);
  const offset = offsetCursor.decode(q.cursor);
  if (offset === null) throw new NexusError('VALIDATION_FAILED', 'The cursor is not one this list gave out', { details: [{ path: 'cursor', message: 'is not a cursor from this list' }] });
  let query = deps.db.selectFrom('users').selectAll().orderBy(sql`array_position(array['admin','agent','customer'], role)`).orderBy('email').limit(q.limit + 1).offset(offset);
  if (q.role) query = query.where('role', '=', q.role);
  if (!q.includeDisabled) query = query.where('is_disabled', '=', false);
  if (q.search) {
    const pattern = `%${q.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('email', 'ilike', pattern), eb('name', 'ilike', pattern)]));
  }
  return pageAt((await query.execute()).map(rowToUser), q.limit, offset);
}
