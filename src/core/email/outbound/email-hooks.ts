import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps, StaffMessageEvent } from '../../deps.js';
import { resolveMailbox } from '../accounts/resolve-mailbox.js';
import { isMachineSender } from '../inbound/classify.js';
import { loadTemplate, renderTemplate } from '../templates/templates.js';
import { automaticMailCap } from './enqueue-mail.js';
import { queueClosedMail } from './closed-mail.js';
import { loadThread } from './thread.js';
import { loadTicketContact, queueThreadMail } from './thread-mail.js';

/**
 * Queues the mail for an agent's or the AI's reply on a ticket that came by email, in the reply's own
 * transaction: the mail exists exactly when the reply does, and is sent later by the outbox worker.
 */
export async function queueReplyMail(deps: Deps, trx: Transaction<DB>, event: StaffMessageEvent): Promise<void> {
  const thread = await loadThread(trx, event.ticketId);
  if (!thread) return;
  const ticket = await loadTicketContact(trx, event.ticketId);
  const to = thread.replyTo ?? ticket.email;
  if (isMachineSender(to)) return;
  const automatic = event.kind === 'ai';
  const template = await loadTemplate(trx, 'agent_reply');
  if (!template.enabled) return;
  const mailbox = await resolveMailbox(trx, thread.mailbox);
  const agent = event.authorId ? await trx.selectFrom('users').select('name').where('id', '=', event.authorId).executeTakeFirst() : undefined;
  const company = deps.config.companyName ?? mailbox.displayName ?? 'Support';
  const mail = renderTemplate(template, {
    'ticket.number': event.ticketNumber,
    'ticket.subject': ticket.subject,
    'customer.name': ticket.name || ticket.email,
    'customer.email': ticket.email,
    'agent.name': agent?.name || (automatic ? `${company} assistant` : company),
    'message.body': event.body,
    'company.name': company,
  });
  // RFC 3834 §2: automatic answers are rate-limited per recipient, so two desks cannot ping-pong;
  // the cap is checked in the statement that queues the mail.
  await queueThreadMail(
    deps,
    trx,
    { kind: automatic ? 'ai_reply' : 'agent_reply', automatic, ticket: { id: event.ticketId, number: event.ticketNumber }, mailbox, thread, to, mail },
    automatic ? automaticMailCap(deps) : undefined,
  );
}

/** Adds the email channel's hooks to whatever hooks the deps carry (the AI pipeline's, a test's). */
export function withEmailHooks(deps: Deps): Deps {
  const hooks = deps.hooks ?? {};
  if (hooks.staffMessageAdded) return deps;
  const next: Deps = { ...deps };
  next.hooks = {
    ...hooks,
    staffMessageAdded: (trx, event) => queueReplyMail(next, trx, event),
    ticketClosed: async (trx, event) => {
      await hooks.ticketClosed?.(trx, event);
      await queueClosedMail(next, trx, event);
    },
  };
  return next;
}
