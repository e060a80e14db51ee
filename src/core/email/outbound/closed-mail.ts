import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps, TicketClosedEvent } from '../../deps.js';
import { resolveMailbox } from '../accounts/resolve-mailbox.js';
import { isMachineSender } from '../inbound/classify.js';
import { loadTemplate, renderTemplate } from '../templates/templates.js';
import { automaticMailCap } from './enqueue-mail.js';
import { loadThread } from './thread.js';
import { loadTicketContact, queueThreadMail } from './thread-mail.js';

/** The per-ticket cap is for answers to mail; a notice that an agent's action triggers is held by the per-recipient cap only. */
const NO_TICKET_CAP = 2_147_483_647;

/**
 * Queues the "ticket closed" notice when staff close a ticket that came by mail, in the close's own
 * transaction, through the outbound queue. It answers no message: RFC 3834 §5 calls it
 * `Auto-Submitted: auto-generated`. Nothing is sent where RFC 3834 §2 says automatic mail must not go:
 * when the thread's last customer mail was list, bulk or machine mail (kept on its row at intake), to a
 * no-reply or daemon address, to one of our own addresses, or past the per-recipient cap that stops loops.
 */
export async function queueClosedMail(deps: Deps, trx: Transaction<DB>, event: TicketClosedEvent): Promise<void> {
  if (!event.byStaff) return;
  const thread = await loadThread(trx, event.ticketId);
  if (!thread || thread.noAutoReply) return;
  const template = await loadTemplate(trx, 'closed');
  if (!template.enabled) return;
  const ticket = await loadTicketContact(trx, event.ticketId);
  const to = thread.replyTo ?? ticket.email;
  const mailbox = await resolveMailbox(trx, thread.mailbox);
  if (isMachineSender(to) || mailbox.ownAddresses.includes(to.toLowerCase())) return;
  const agent = await trx.selectFrom('users').select('name').where('id', '=', event.actorId).executeTakeFirst();
  const company = deps.config.companyName ?? mailbox.displayName ?? 'Support';
  const mail = renderTemplate(template, {
    'ticket.number': event.ticketNumber,
    'ticket.subject': ticket.subject,
    'customer.name': ticket.name || ticket.email,
    'customer.email': ticket.email,
    'agent.name': agent?.name || company,
    'company.name': company,
  });
  await queueThreadMail(
    deps,
    trx,
    { kind: 'closed', automatic: true, autoSubmitted: 'auto-generated', ticket: { id: event.ticketId, number: event.ticketNumber }, mailbox, thread, to, mail },
    { ...automaticMailCap(deps), perTicket: NO_TICKET_CAP },
  );
}
