import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import type { User } from '../users/user.js';
import { issueAccessToken } from './access-tokens.js';
import { hashToken, newToken } from './tokens.js';

export const REFRESH_TOKEN_DAYS = 30;

/** What login, register and refresh answer: a short-lived access token and a rotating refresh token. */
export interface TokenPair {
  tokenType: 'Bearer';
  accessToken: string;
  accessTokenExpiresAt: string;
  refreshToken: string;
  refreshTokenExpiresAt: string;
  user: User;
}

/**
 * Stores a new refresh token (only its hash) in `familyId` — a new family for a new login — and signs
 * the access token that goes with it. Returns the new session row id (for `replaced_by`).
 */
export async function issueTokenPair(
  deps: Deps,
  db: Kysely<DB> | Transaction<DB>,
  user: User,
  options: { tokenVersion: number; familyId?: string; client?: string | null },
): Promise<{ pair: TokenPair; sessionId: string }> {
  const now = deps.clock.now();
  const familyId = options.familyId ?? crypto.randomUUID();
  const refreshToken = newToken();
  const expiresAt = new Date(now.getTime() + REFRESH_TOKEN_DAYS * 86_400_000);
  const session = await db
    .insertInto('sessions')
    .values({ user_id: user.id, kind: 'refresh', token_hash: hashToken(refreshToken), family_id: familyId, client: options.client?.slice(0, 200) ?? null, created_at: now, last_used_at: now, expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  const access = await issueAccessToken(deps, { userId: user.id, role: user.role, tokenVersion: options.tokenVersion, sessionFamily: familyId });
  return {
    sessionId: session.id,
    pair: { tokenType: 'Bearer', accessToken: access.token, accessTokenExpiresAt: access.expiresAt, refreshToken, refreshTokenExpiresAt: expiresAt.toISOString(), user },
  };
}
