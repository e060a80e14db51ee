import type { Deps } from '../../deps.js';
import { loadTemplate, renderTemplate } from '../templates/templates.js';
import { enqueueMail } from './enqueue-mail.js';

/**
 * The password-reset mail, from the `password_reset` template: a link built from the configured public
 * URL (or the caller's reset page), else the bare token. With a default mail account it goes through
 * the outbound queue and that account's provider; without one, through the deps' mailer (outbox folder).
 */
export async function sendPasswordResetMail(deps: Deps, input: { to: string; name: string | null; token: string; minutes: number; resetUrl?: string }): Promise<void> {
  const base = input.resetUrl ?? (deps.config.publicUrl ? `${deps.config.publicUrl.replace(/\/+$/, '')}/reset-password` : undefined);
  const link = base ? `${base}${base.includes('?') ? '&' : '?'}token=${encodeURIComponent(input.token)}` : undefined;
  const template = await loadTemplate(deps.db, 'password_reset');
  const account = await deps.db.selectFrom('email_accounts').select(['id', 'address', 'display_name']).where('is_default', '=', true).where('is_active', '=', true).executeTakeFirst();
  const company = deps.config.companyName ?? account?.display_name ?? 'Nexus';
  const mail = renderTemplate(template, {
    'customer.email': input.to,
    'customer.name': input.name || input.to,
    'company.name': company,
    'reset.link': link ? `Open ${link}` : `Your reset token: ${input.token}`,
    'reset.minutes': input.minutes,
  });
  if (account) {
    await deps.db.transaction().execute((trx) =>
      enqueueMail(deps, trx, { kind: 'password_reset', automatic: false, ticketId: null, ticketNumber: null, accountId: account.id, from: account.address, fromName: account.display_name ?? deps.config.companyName ?? null, to: input.to, subject: mail.subject, text: mail.text, html: mail.html, inReplyTo: null, references: [] }),
    );
    return;
  }
  await deps.mailer?.send({ to: input.to, subject: mail.subject, text: mail.text, html: mail.html, headers: { 'Auto-Submitted': 'auto-generated' } });
}
