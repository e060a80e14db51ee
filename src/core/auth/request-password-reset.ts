import { z } from 'zod';
import type { Deps } from '../deps.js';
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
  const link = options.resetUrl ? `${options.resetUrl}${options.resetUrl.includes('?') ? '&' : '?'}token=${token}` : undefined;
  await deps.mailer?.send({
    to: user.email,
    subject: 'Reset your Nexus password',
    text: [
      `Someone (hopefully you) asked to reset the password of ${user.email}.`,
      '',
      link ? `Open ${link}` : `Your reset token: ${token}`,
      '',
      `It works once, within ${RESET_TOKEN_MINUTES} minutes. If you did not ask, ignore this mail.`,
    ].join('\n'),
    headers: { 'Auto-Submitted': 'auto-generated' },
  });
  return FORGOT_PASSWORD_ANSWER;
}
