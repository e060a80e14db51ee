import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { resolveMailbox } from '../accounts/resolve-mailbox.js';
import { enqueueMail, type AutomaticMailCap, type OutboundKind } from './enqueue-mail.js';
import type { loadThread } from './thread.js';

/** The ticket's subject and its customer's address and name, for a mail on the ticket's thread. */
export async function loadTicketContact(trx: Transaction<DB>, ticketId: string) {
  return trx
    .selectFrom('tickets')
    .innerJoin('users as c', 'c.id', 'tickets.customer_id')
    .select(['tickets.subject', 'c.email', 'c.name'])
    .where('tickets.id', '=', ticketId)
    .executeTakeFirstOrThrow();
}

/**
 * Queues a rendered mail on a ticket's mail thread: from the thread's mailbox, in reply to the thread
 * (In-Reply-To/References), through the one outbound queue with the given caps.
 */
export async function queueThreadMail(
  deps: Deps,
  trx: Transaction<DB>,
  input: {
    kind: OutboundKind;
    automatic: boolean;
    autoSubmitted?: 'auto-generated';
    ticket: { id: string; number: number };
    mailbox: Awaited<ReturnType<typeof resolveMailbox>>;
    thread: NonNullable<Awaited<ReturnType<typeof loadThread>>>;
    to: string;
    mail: { subject: string; text: string; html: string };
  },
  cap: AutomaticMailCap | undefined,
): Promise<void> {
  await enqueueMail(
    deps,
    trx,
    {
      kind: input.kind,
      automatic: input.automatic,
      ...(input.autoSubmitted ? { autoSubmitted: input.autoSubmitted } : {}),
      ticketId: input.ticket.id,
      ticketNumber: input.ticket.number,
      accountId: input.mailbox.accountId,
      from: input.mailbox.address,
      fromName: input.mailbox.displayName ?? deps.config.companyName ?? null,
      to: input.to,
      subject: input.mail.subject,
      text: input.mail.text,
      html: input.mail.html,
      inReplyTo: input.thread.inReplyTo,
      references: input.thread.references,
    },
    cap,
  );
}
