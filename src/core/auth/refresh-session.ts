import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { rowToUser } from '../users/user.js';
import { issueTokenPair, type TokenPair } from './token-pair.js';
import { announceAccessRevoked } from './revocations.js';
import { hashToken } from './tokens.js';

const refused = (why: string) => new NexusError('UNAUTHENTICATED', why, { hint: 'Log in again (POST /v1/auth/login).' });

/**
 * Rotates a refresh token: the presented one is spent and a new one in the same family issued. A token
 * presented a second time means it was stolen or replayed, so the whole family (that login) is revoked.
 */
export async function refreshSession(deps: Deps, refreshToken: string, context: { client?: string | null } = {}): Promise<TokenPair> {
  if (typeof refreshToken !== 'string' || refreshToken.length < 20 || refreshToken.length > 200) throw refused('The refresh token is invalid');
  const outcome = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const session = await trx
      .selectFrom('sessions')
      .selectAll()
      .where('token_hash', '=', hashToken(refreshToken))
      .where('kind', '=', 'refresh')
      .forUpdate()
      .executeTakeFirst();
    if (!session) return { kind: 'unknown' as const };
    if (session.replaced_by !== null || session.revoked_at !== null) {
      await trx.updateTable('sessions').set({ revoked_at: now }).where('family_id', '=', session.family_id).where('revoked_at', 'is', null).execute();
      return { kind: 'reused' as const, userId: session.user_id };
    }
    if (session.expires_at.getTime() <= now.getTime()) return { kind: 'expired' as const };
    const user = await trx.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirstOrThrow();
    if (user.is_disabled) return { kind: 'disabled' as const };
    const { pair, sessionId } = await issueTokenPair(deps, trx, rowToUser(user), { tokenVersion: user.token_version, familyId: session.family_id, client: context.client ?? session.client });
    await trx.updateTable('sessions').set({ revoked_at: now, replaced_by: sessionId, last_used_at: now }).where('id', '=', session.id).execute();
    return { kind: 'rotated' as const, pair };
  });
  switch (outcome.kind) {
    case 'rotated':
      return outcome.pair;
    case 'reused':
      announceAccessRevoked(outcome.userId);
      throw refused('This refresh token was already used; every session of that login has been ended');
    case 'expired':
      throw refused('The refresh token has expired');
    case 'disabled':
      throw new NexusError('ACCOUNT_DISABLED', 'The account is disabled', { hint: 'Ask an admin to enable it.' });
    case 'unknown':
      throw refused('The refresh token is invalid');
    default: {
      const never: never = outcome;
      throw new Error(`unhandled ${String(never)}`);
    }
  }
}
