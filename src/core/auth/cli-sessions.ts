import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { toActor } from '../users/user.js';
import { hashToken, newToken } from './tokens.js';

export const CLI_SESSION_DAYS = 90;

export interface CliSession {
  token: string;
  expiresAt: string;
}

/** Starts a CLI session for a user already authenticated; the token goes to the session file. */
export async function startCliSession(deps: Deps, userId: string, client: string): Promise<CliSession> {
  const token = newToken();
  const now = deps.clock.now();
  const expiresAt = new Date(now.getTime() + CLI_SESSION_DAYS * 86_400_000);
  await deps.db
    .insertInto('sessions')
    .values({ user_id: userId, kind: 'cli', token_hash: hashToken(token), family_id: crypto.randomUUID(), client, created_at: now, last_used_at: now, expires_at: expiresAt })
    .execute();
  return { token, expiresAt: expiresAt.toISOString() };
}

const notLoggedIn = (why: string) =>
  new NexusError('UNAUTHENTICATED', `${why}`, { hint: 'Run `nexus login` (or `nexus init` on a new desk).' });

/** Resolves a session token to the acting user; refuses ended, expired or disabled ones. */
export async function resolveCliSession(deps: Deps, token: string): Promise<Actor> {
  const row = await deps.db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .select(['sessions.id as session_id', 'sessions.revoked_at', 'sessions.expires_at', 'users.id', 'users.email', 'users.name', 'users.role', 'users.is_disabled'])
    .where('sessions.token_hash', '=', hashToken(token))
    .where('sessions.kind', '=', 'cli')
    .executeTakeFirst();
  if (!row) throw notLoggedIn('You are not logged in to this desk');
  if (row.revoked_at) throw notLoggedIn('Your session has ended (logged out, password reset or role change)');
  if (row.expires_at.getTime() <= deps.clock.now().getTime()) throw notLoggedIn('Your session has expired');
  if (row.is_disabled) throw new NexusError('ACCOUNT_DISABLED', `The account ${row.email} is disabled`, { hint: 'Ask an admin to enable it.' });
  return toActor(row);
}

export async function endCliSession(deps: Deps, token: string): Promise<boolean> {
  const result = await deps.db
    .updateTable('sessions')
    .set({ revoked_at: deps.clock.now() })
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
