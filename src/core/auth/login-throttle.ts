import { sql, type Kysely } from 'kysely';
import type { DB, LoginAttemptsTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';

/**
 * Login throttling (OWASP ASVS 5.0 §6.3): per account *and* client address together, so guesses from
 * elsewhere never lock the real owner out; beyond the free attempts each further one waits twice as
 * long as the one before (progressive delay, up to the window). Per address there is a hard cap across
 * accounts. Kept in Postgres, so every `nexus serve` process on one database shares the count.
 */
export const LOGIN_THROTTLE = {
  windowSeconds: 15 * 60,
  /** Failed attempts for one account from one address before the progressive delay starts. */
  perAccountAddress: 5,
  /** Failed attempts from one address, all accounts together, before it is refused until the window passes. */
  perAddress: 30,
} as const;

type Scope = LoginAttemptsTable['scope'];

export interface LoginClient {
  email: string;
  address: string;
}

const accountOf = (client: LoginClient) => client.email.trim().toLowerCase().slice(0, 200);
const addressOf = (client: LoginClient) => client.address.slice(0, 90) || 'unknown';

/** An attempt that was counted before the password was checked; settle it with the outcome. */
export interface LoginAttempt {
  succeeded(db: Kysely<DB>): Promise<void>;
  failed(): Promise<void>;
  /** Not a guess at all (e.g. the input was malformed): forget it. */
  discard(): Promise<void>;
}

/** Seconds to wait after the `n`-th counted failure (n ≥ the free attempts): 1, 2, 4, … up to the window. */
export function progressiveDelaySeconds(failures: number): number {
  const beyond = failures - LOGIN_THROTTLE.perAccountAddress;
  if (beyond < 0) return 0;
  return Math.min(2 ** beyond, LOGIN_THROTTLE.windowSeconds);
}

/**
 * Counts this attempt before the password is checked, atomically: under a transaction-scoped advisory
 * lock per account+address and per address, it looks at the attempts before it and records itself, so
 * at most `perAccountAddress` of a parallel burst ever reach bcrypt. Refused attempts answer 429 with
 * Retry-After and leave no row.
 */
export async function beginLoginAttempt(deps: Deps, client: LoginClient): Promise<LoginAttempt> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - LOGIN_THROTTLE.windowSeconds * 1000);
  const pair = `${accountOf(client)}|${addressOf(client)}`;
  const address = addressOf(client);
  // One attempt per account+address (and per address) at a time: each sees exactly the attempts that
  // came before it, so a burst gets its first `perAccountAddress` checked and no more. A refused attempt
  // is rolled back with the transaction: it checked nothing and leaves no row.
  const ids = await deps.db.transaction().execute(async (trx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`login:${pair}`})), pg_advisory_xact_lock(hashtext(${`login-address:${address}`}))`.execute(trx);
    const earlier = (scope: Scope, subject: string) =>
      trx
        .selectFrom('login_attempts')
        .select(['id', 'created_at'])
        .where('scope', '=', scope)
        .where('subject', '=', subject)
        .where('created_at', '>', since)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .execute();
    const byPair = await earlier('account_address', pair);
    const byAddress = await earlier('address', address);
    if (byAddress.length >= LOGIN_THROTTLE.perAddress) {
      const oldest = byAddress[LOGIN_THROTTLE.perAddress - 1]!.created_at.getTime();
      throw refused(Math.ceil((oldest + LOGIN_THROTTLE.windowSeconds * 1000 - now.getTime()) / 1000), 'Wait before trying again.');
    }
    const delay = progressiveDelaySeconds(byPair.length);
    if (delay > 0) {
      const waitedMs = now.getTime() - byPair[0]!.created_at.getTime();
      if (waitedMs < delay * 1000) throw refused(Math.ceil((delay * 1000 - waitedMs) / 1000), 'Wait, or reset the password (POST /v1/auth/forgot-password).');
    }
    const rows = await trx
      .insertInto('login_attempts')
      .values([
        { scope: 'account_address', subject: pair, created_at: now },
        { scope: 'address', subject: address, created_at: now },
      ])
      .returning('id')
      .execute();
    return rows.map((r) => r.id);
  });
  const forget = async () => {
    await deps.db.deleteFrom('login_attempts').where('id', 'in', ids).execute();
  };

  return {
    succeeded: async (db) => {
      // The account's failures from this address are forgiven; the address's count across accounts is not.
      await db.deleteFrom('login_attempts').where('scope', '=', 'account_address').where('subject', '=', pair).execute();
      await db.deleteFrom('login_attempts').where('id', 'in', ids).execute();
      await db.deleteFrom('login_attempts').where('created_at', '<', since).execute();
    },
    failed: async () => {},
    discard: forget,
  };
}

function refused(seconds: number, hint: string): NexusError {
  return new NexusError('RATE_LIMITED', 'Too many failed login attempts; try again later', { retryAfterSeconds: Math.max(1, seconds), hint });
}
