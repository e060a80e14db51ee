import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { findUserById, rowToUser, type User } from '../users/user.js';

/** The account behind a verified token (`GET /v1/auth/me`). */
export async function currentUser(deps: Deps, actor: Actor): Promise<User> {
  const row = await findUserById(deps.db, actor.id);
  if (!row) throw new NexusError('UNAUTHENTICATED', 'The account no longer exists');
  return rowToUser(row);
}
