import { z } from 'zod';
import type { Deps } from '../deps.js';
import { sendPasswordResetMail } from '../email/outbound/password-reset-mail.js';
import { findUserByEmail } from '../users/user.js';
import { emailSchema, parseInput } from '../validation.js';
import { mayMailReset } from './reset-throttle.js';
import { hashToken, newToken } from './tokens.js';

export const RESET_TOKEN_MINUTES = 30;

export const forgotPasswordInput = z.strictObject({ email: emailSchema });

/** The one answer, for known and unknown emails alike. */
export const FORGOT_PASSWORD_ANSWER = {
  accepted: true,
  message: 'If an account exists for that email, a reset link is on its way. It works once, within 30 minutes.',
} as const;

/**
 * Sends a single-use reset token to an enabled account's email. The answer never tells whether the
 * account exists. Only the token's hash is stored.
 */
export async function requestPasswordReset(deps: Deps, input: z.input<typeof forgotPasswordInput>, options: { resetUrl?: string; address?: string } = {}): Promise<typeof FORGOT_PASSWORD_ANSWER> {
  const { email } = parseInput(forgotPasswordInput, input);
  // Capped per account and per address (issue 9): past the cap the answer is the same, and no mail goes.
  if (!(await mayMailReset(deps, { email, address: options.address }))) return FORGOT_PASSWORD_ANSWER;
  const user = await findUserByEmail(deps.db, email);
  if (!user || user.is_disabled) return FORGOT_PASSWORD_ANSWER;
  const token = newToken();
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    // A new request supersedes older, unused tokens.
    await trx.updateTable('password_resets').set({ used_at: now }).where('user_id', '=', user.id).where('used_at', 'is', null).execute();
    await trx
      .insertInto('password_resets')
      .values({ user_id: user.id, token_hash: hashToken(token), created_at: now, expires_at: new Date(now.getTime() + RESET_TOKEN_MINUTES * 60_000) })
      .execute();
  });
  // i10: a real mail from the password_reset template (link from publicUrl), queued when an account exists.
  await sendPasswordResetMail(deps, { to: user.email, name: user.name, token, minutes: RESET_TOKEN_MINUTES, resetUrl: options.resetUrl });
  return FORGOT_PASSWORD_ANSWER;
}
