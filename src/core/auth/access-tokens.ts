import { errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { toActor } from '../users/user.js';

export const ACCESS_TOKEN_SECONDS = 15 * 60;
export const TOKEN_ISSUER = 'nexus';
export const TOKEN_AUDIENCE = 'nexus-api';
const TOKEN_TYPE = 'access';
const isUuid = (value: unknown): value is string => typeof value === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

export interface AccessTokenSubject {
  userId: string;
  role: string;
  tokenVersion: number;
  /** The refresh-token family (one login); logout revokes it and every access token it issued. */
  sessionFamily: string;
}

function signingKey(deps: Deps): Uint8Array {
  if (!deps.config.secretKey) {
    throw new NexusError('CONFIG_INVALID', 'No secret key is configured, so API tokens cannot be issued or checked', {
      hint: 'Set NEXUS_SECRET_KEY (at least 32 characters), or run `nexus init` to generate one.',
    });
  }
  return new TextEncoder().encode(deps.config.secretKey);
}

/** A short-lived HS256 JWT: issuer, audience, expiry, token type and token version are all checked on use. */
export async function issueAccessToken(deps: Deps, subject: AccessTokenSubject): Promise<{ token: string; expiresAt: string }> {
  const now = Math.floor(deps.clock.now().getTime() / 1000);
  const token = await new SignJWT({ role: subject.role, tv: subject.tokenVersion, sid: subject.sessionFamily, typ: TOKEN_TYPE })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuer(TOKEN_ISSUER)
    .setAudience(TOKEN_AUDIENCE)
    .setSubject(subject.userId)
    .setIssuedAt(now)
    .setExpirationTime(now + ACCESS_TOKEN_SECONDS)
    .sign(signingKey(deps));
  return { token, expiresAt: new Date((now + ACCESS_TOKEN_SECONDS) * 1000).toISOString() };
}

const refused = (why: string) => new NexusError('UNAUTHENTICATED', why, { hint: 'Log in again (POST /v1/auth/login) or refresh the token (POST /v1/auth/refresh).' });

// Checking the HS256 signature goes through WebCrypto as an asynchronous job: about a tenth of the
// API's CPU time under load (issue 14). A token's signature, issuer, audience and type never change, so
// tokens already checked under the same key are remembered until they expire; expiry and the database
// checks (account, token version, login) still run on every request.
const SIGNATURE_CACHE_SIZE = 10_000;
const checkedSignatures = new Map<string, { key: string; payload: JWTPayload }>();

function verifiedSignature(deps: Deps, token: string): JWTPayload | null {
  const hit = checkedSignatures.get(token);
  if (!hit || hit.key !== deps.config.secretKey) return null;
  if (typeof hit.payload.exp !== 'number' || hit.payload.exp <= Math.floor(deps.clock.now().getTime() / 1000)) {
    checkedSignatures.delete(token);
    throw refused('The access token has expired');
  }
  return hit.payload;
}

function rememberSignature(deps: Deps, token: string, payload: JWTPayload): void {
  if (!deps.config.secretKey) return;
  if (checkedSignatures.size >= SIGNATURE_CACHE_SIZE) checkedSignatures.delete(checkedSignatures.keys().next().value!);
  checkedSignatures.set(token, { key: deps.config.secretKey, payload });
}

export interface VerifiedToken {
  actor: Actor;
  sessionFamily: string;
  /** When the token expires (its `exp`). */
  expiresAt: Date;
}

/**
 * Checks an access token and resolves the acting user from the database: the signature (HS256 only),
 * issuer, audience, expiry and type; then that the account is enabled, its token version unchanged
 * (password reset, role change, disabling) and the login it came from not logged out.
 */
export async function verifyAccessToken(deps: Deps, token: string): Promise<VerifiedToken> {
  let payload = verifiedSignature(deps, token);
  if (!payload) {
    try {
      ({ payload } = await jwtVerify(token, signingKey(deps), {
        algorithms: ['HS256'],
        issuer: TOKEN_ISSUER,
        audience: TOKEN_AUDIENCE,
        currentDate: deps.clock.now(),
        requiredClaims: ['sub', 'exp', 'iat', 'tv', 'sid', 'typ'],
      }));
    } catch (error) {
      if (error instanceof joseErrors.JWTExpired) throw refused('The access token has expired');
      if (error instanceof NexusError) throw error;
      throw refused('The access token is invalid');
    }
    rememberSignature(deps, token, payload);
  }
  if (payload.typ !== TOKEN_TYPE || typeof payload.tv !== 'number' || !isUuid(payload.sid) || !isUuid(payload.sub)) {
    throw refused('The access token is invalid');
  }
  const row = await deps.db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'role', 'is_disabled', 'token_version'])
    .where('id', '=', payload.sub)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('sessions')
          .select('sessions.id')
          .where('sessions.family_id', '=', payload.sid as string)
          .where('sessions.user_id', '=', payload.sub as string)
          .where('sessions.kind', '=', 'refresh')
          .where('sessions.revoked_at', 'is', null),
      ),
    )
    .executeTakeFirst();
  if (!row || row.is_disabled || row.token_version !== payload.tv) throw refused('The access token has been revoked');
  return { actor: toActor(row), sessionFamily: payload.sid as string, expiresAt: new Date((payload.exp as number) * 1000) };
}
