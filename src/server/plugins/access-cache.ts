import type { VerifiedToken } from '../../core/auth/access-tokens.js';
import { onAccessRevoked } from '../../core/auth/revocations.js';
import { listenForNotifications } from '../../core/db/notifications.js';

/** The channel migration 20261201140100 notifies with a user's id (or '*') when their access changes. */
export const ACCESS_CHANNEL = 'nexus_access_changed';
/** A remembered check is used at most this long, even without any notification (a safety net). */
export const ACCESS_CACHE_MAX_AGE_MS = 60_000;
const MAX_ENTRIES = 10_000;

interface Entry {
  verified: VerifiedToken;
  checkedAt: number;
}

/**
 * Access tokens this server checked against the database (account enabled, token version, login not
 * logged out), remembered so the next request with the same token needs no query (issue 14: that query
 * was one of two round trips of a GET). Only trusted while the server is told of every change:
 * - this process's own revocations arrive synchronously, after their commit (core/auth/revocations.ts);
 * - other processes' arrive as the database notification `nexus_access_changed`, sent at their commit,
 *   on a connection of the server's own; while that connection is down nothing is remembered or used.
 * A check that was running while any change arrived is not remembered (the generation moved on), so a
 * check that read the old row before a revocation committed cannot outlive it. Expiry is still checked
 * on every use, and a remembered check is used for at most a minute.
 */
export class AccessCache {
  private readonly entries = new Map<string, Entry>();
  private generation = 0;
  private live = false;

  constructor(private readonly now: () => number) {}

  /** The remembered check of `token`, or null (check it in the database). */
  get(token: string): VerifiedToken | null {
    if (!this.live) return null;
    const entry = this.entries.get(token);
    if (!entry) return null;
    const now = this.now();
    if (now >= entry.verified.expiresAt.getTime() || now < entry.checkedAt || now - entry.checkedAt >= ACCESS_CACHE_MAX_AGE_MS) {
      this.entries.delete(token);
      return null;
    }
    return entry.verified;
  }

  /** Taken before checking a token in the database, and given back to `remember`. */
  mark(): number {
    return this.generation;
  }

  /** Remembers a check begun at `mark`, unless anything changed since. */
  remember(token: string, mark: number, verified: VerifiedToken): void {
    if (!this.live || mark !== this.generation) return;
    if (this.entries.size >= MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { verified, checkedAt: this.now() });
  }

  /** A user's access changed ('*': anyone's): forgets their remembered checks. */
  forget(userId: string): void {
    this.generation++;
    if (userId === '*') this.entries.clear();
    else for (const [token, entry] of this.entries) if (entry.verified.actor.id === userId) this.entries.delete(token);
  }

  /** Whether every change is being heard; while not, nothing is remembered or used. */
  setLive(live: boolean): void {
    this.generation++;
    this.live = live;
    if (!live) this.entries.clear();
  }
}

/**
 * The cache of a server on a Postgres server (`databaseUrl`), hearing this process's revocations and
 * the database's notifications; null on the embedded database (its socket clients' changes are not
 * announced here, so every request is checked in the database as before).
 */
export function startAccessCache(databaseUrl: string | undefined, now: () => number): { cache: AccessCache; stop(): Promise<void> } | null {
  if (!databaseUrl) return null;
  const cache = new AccessCache(now);
  const unsubscribe = onAccessRevoked((userId) => cache.forget(userId));
  const listener = listenForNotifications(databaseUrl, ACCESS_CHANNEL, {
    message: (payload) => cache.forget(payload || '*'),
    up: () => cache.setLive(true),
    down: () => cache.setLive(false),
  });
  return {
    cache,
    async stop() {
      unsubscribe();
      await listener.close();
    },
  };
}
