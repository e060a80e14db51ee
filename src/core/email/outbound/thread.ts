import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface ThreadContext {
  mailbox: string;
  /** Where replies go: the last customer mail's Reply-To, else its From. */
  replyTo: string | null;
  inReplyTo: string | null;
  references: string[];
  /** Why nothing automatic may answer the last customer mail (RFC 3834 §2: list, bulk, machine); null when it may. */
  noAutoReply: string | null;
}

/** The mail thread of a ticket, oldest first; null when the ticket never saw mail. */
export async function loadThread(trx: Transaction<DB>, ticketId: string): Promise<ThreadContext | null> {
  const rows = await trx
    .selectFrom('email_messages')
    .select(['mailbox', 'message_id', 'direction', 'from_address', 'reply_to', 'no_auto_reply', 'created_at'])
    .where('ticket_id', '=', ticketId)
    .where('decision', 'in', ['new_ticket', 'same_ticket', 'sent'])
    .orderBy('created_at')
    .orderBy('id')
    .limit(200)
    .execute();
  if (rows.length === 0) return null;
  const inbound = rows.filter((r) => r.direction === 'inbound');
  const lastIn = inbound.at(-1);
  const firstOut = rows.find((r) => r.direction === 'outbound');
  const parent = (lastIn ?? rows.at(-1)!).message_id;
  const ids = rows.map((r) => r.message_id).filter((id) => id !== parent && id !== firstOut?.message_id);
  const references = [...(firstOut && firstOut.message_id !== parent ? [firstOut.message_id] : []), ...ids, parent];
  return {
    mailbox: (inbound[0] ?? rows[0]!).mailbox,
    replyTo: lastIn ? (lastIn.reply_to ?? lastIn.from_address) : null,
    inReplyTo: parent,
    references,
    noAutoReply: lastIn?.no_auto_reply ?? null,
  };
}
