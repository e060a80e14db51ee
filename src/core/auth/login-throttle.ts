import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';

/** Failed logins allowed per window before further attempts are refused with 429. */
export const LOGIN_THROTTLE = {
  windowSeconds: 15 * 60,
  perAccount: 5,
  perAddress: 30,
} as const;

type Scope = 'account' | 'address';

export interface LoginClient {
  email: string;
  address: string;
}

const subjects = (client: LoginClient): [Scope, string, number][] => [
  ['account', client.email.trim().toLowerCase().slice(0, 300), LOGIN_THROTTLE.perAccount],
  ['address', client.address.slice(0, 300) || 'unknown', LOGIN_THROTTLE.perAddress],
];

/**
 * Refuses the attempt when the account or the client address has too many recent failures. Kept in
 * Postgres, so every `nexus serve` process on one database shares the count. Retry-After is when the
 * oldest counted failure leaves the window.
 */
export async function assertLoginAllowed(deps: Deps, client: LoginClient): Promise<void> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowSeconds * 1000);
  for (const [scope, subject, limit] of subjects(client)) {
    const recent = await deps.db
      .selectFrom('login_attempts')
      .select('created_at')
      .where('scope', '=', scope)
      .where('subject', '=', subject)
      .where('created_at', '>', since)
      .orderBy('created_at', 'desc')
      .limit(limit)
      .execute();
    if (recent.length < limit) continue;
    const oldest = recent.at(-1)!.created_at.getTime();
    const retryAfterSeconds = Math.max(1, Math.ceil((oldest + LOGIN_THROTTLE.windowSeconds * 1000 - now.getTime()) / 1000));
    throw new NexusError('RATE_LIMITED', 'Too many failed login attempts; try again later', {
      retryAfterSeconds,
      hint: scope === 'account' ? 'Wait, or reset the password (POST /v1/auth/forgot-password).' : 'Wait before trying again.',
    });
  }
}

export async function recordLoginFailure(db: Kysely<DB>, client: LoginClient, at: Date): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values(subjects(client).map(([scope, subject]) => ({ scope, subject, created_at: at })))
    .execute();
}

/** A successful login clears the account's failures (not the address's: one good account must not unlock guessing others). */
export async function clearAccountFailures(db: Kysely<DB>, client: LoginClient, olderThan: Date): Promise<void> {
  const [[scope, subject]] = subjects(client) as [[Scope, string, number]];
  await db.deleteFrom('login_attempts').where('scope', '=', scope).where('subject', '=', subject).execute();
  await db.deleteFrom('login_attempts').where('created_at', '<', olderThan).execute();
}
