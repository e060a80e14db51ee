import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { Mailbox } from '../accounts/resolve-mailbox.js';
import { automaticMailCap, enqueueMail } from '../outbound/enqueue-mail.js';
import { renderTemplate } from '../templates/templates.js';
import type { IntakeBatch } from './intake-batch.js';
import type { ParsedMessage } from './parse-mail.js';

/**
 * Queues the new-ticket acknowledgement unless the template is off or a cap is reached (RFC 3834 §2);
 * the cap check and both rows are one statement (enqueueMail).
 */
export async function queueAcknowledgement(
  deps: Deps,
  trx: Transaction<DB>,
  input: { batch: IntakeBatch; mailbox: Mailbox; to: string; ticketId: string; ticketNumber: number; subject: string; customerName: string | null; parent: ParsedMessage },
): Promise<boolean> {
  const template = await input.batch.template(trx, 'ack');
  if (!template.enabled) return false;
  const company = deps.config.companyName ?? input.mailbox.displayName ?? 'Support';
  const mail = renderTemplate(template, {
    'ticket.number': input.ticketNumber,
    'ticket.subject': input.subject,
    'customer.name': input.customerName ?? input.to,
    'customer.email': input.to,
    'company.name': company,
  });
  const queued = await enqueueMail(
    deps,
    trx,
    {
    kind: 'ack',
    automatic: true,
    ticketId: input.ticketId,
    ticketNumber: input.ticketNumber,
    accountId: input.mailbox.accountId,
    from: input.mailbox.address,
    fromName: input.mailbox.displayName ?? deps.config.companyName ?? null,
    to: input.to,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    inReplyTo: input.parent.messageId,
    references: [...input.parent.references, input.parent.messageId],
    },
    automaticMailCap(deps),
  );
  return queued !== null;
}
