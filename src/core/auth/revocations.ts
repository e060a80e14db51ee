/**
 * Revocations of access made by this process, announced once they are committed: a disabled account,
 * a role change, a password reset, a logout, a reused refresh token. A cache of checked access tokens
 * (the API server's, see server/plugins/access-cache.ts) subscribes so a revoked token stops working
 * at once here; other processes learn the same from the database's `nexus_access_changed`
 * notification (migration 20261201140100).
 */
type Listener = (userId: string) => void;
const listeners = new Set<Listener>();

/** Calls `listener` with the user's id after each revocation committed by this process; returns the unsubscribe. */
export function onAccessRevoked(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Announces that the user's tokens or sessions changed. Call after the transaction committed. */
export function announceAccessRevoked(userId: string): void {
  for (const listener of listeners) listener(userId);
}

/** Runs `work` (the transaction of a revocation) and announces it for `userId` afterwards, also when it failed. */
export async function revoking<T>(userId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } finally {
    announceAccessRevoked(userId);
  }
}
