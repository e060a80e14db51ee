import { z } from 'zod';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { revokeUserTokens } from '../users/user.js';
import { parseInput } from '../validation.js';
import { hashPassword, passwordSchema } from './passwords.js';
import { announceAccessRevoked } from './revocations.js';
import { hashToken } from './tokens.js';

export const resetPasswordWithTokenInput = z.strictObject({
  token: z.string().min(20, 'is not a valid reset token').max(200, 'is not a valid reset token'),
  password: passwordSchema,
});

const invalidToken = () =>
  new NexusError('VALIDATION_FAILED', 'The reset token is invalid, used or expired', {
    details: [{ path: 'token', message: 'is invalid, used or expired' }],
    hint: 'Ask for a new one (POST /v1/auth/forgot-password).',
  });

/** Sets a new password with a reset token (once, before it expires); every session and token of the account ends. */
export async function resetPasswordWithToken(deps: Deps, input: z.input<typeof resetPasswordWithTokenInput>): Promise<{ reset: true }> {
  const { token, password } = parseInput(resetPasswordWithTokenInput, input);
  const hash = await hashPassword(password, deps.config.bcryptCost);
  const userId = await deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const reset = await trx.selectFrom('password_resets').selectAll().where('token_hash', '=', hashToken(token)).forUpdate().executeTakeFirst();
    if (!reset || reset.used_at !== null || reset.expires_at.getTime() <= now.getTime()) throw invalidToken();
    const user = await trx.selectFrom('users').select(['id', 'is_disabled']).where('id', '=', reset.user_id).executeTakeFirst();
    if (!user || user.is_disabled) throw invalidToken();
    await trx.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    await revokeUserTokens(trx, user.id, now);
    await trx.updateTable('users').set({ password_hash: hash, updated_at: now }).where('id', '=', user.id).execute();
    return user.id;
  });
  announceAccessRevoked(userId);
  return { reset: true };
}
