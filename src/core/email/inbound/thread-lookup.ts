import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { verifyOwnMessageId } from '../message-ids.js';
import { findTicketTokens } from '../subject.js';
import type { ParsedMessage } from './parse-mail.js';

export interface ThreadMatch {
  ticketId: string;
  ticketNumber: number;
  customerId: string;
  via: 'message_id' | 'token';
}

interface TicketLite {
  id: string;
  number: number;
  customer_id: string;
}

/**
 * The ticket a message continues, in the order DESIGN.md §4 fixes: a Message-ID we know in
 * In-Reply-To/References (one we sent and signed, or a mail of the thread we received), then the
 * `[#N]` token in the subject or body when the sender takes part in that ticket. Never the subject alone.
 */
export async function findThreadTicket(trx: Transaction<DB>, input: { mailbox: string; secretKey: string | undefined; message: ParsedMessage; sender: string }): Promise<ThreadMatch | null> {
  const { message } = input;
  // The parent first, then the References from the newest back.
  const ids = [...new Set([...message.inReplyTo, ...[...message.references].reverse()])].slice(0, 100);
  if (ids.length > 0) {
    const rows = await trx
      .selectFrom('email_messages as em')
      .innerJoin('tickets as t', 't.id', 'em.ticket_id')
      .select(['em.message_id', 't.id', 't.number', 't.customer_id'])
      .where('em.mailbox', '=', input.mailbox)
      .where('em.message_id', 'in', ids)
      .where('t.deleted_at', 'is', null)
      .execute();
    const signed = new Map<string, number>();
    if (input.secretKey) {
      for (const id of ids) {
        const number = verifyOwnMessageId(input.secretKey, id);
        if (number) signed.set(id, number);
      }
    }
    for (const id of ids) {
      const row = rows.find((r) => r.message_id === id);
      if (row) return { ticketId: row.id, ticketNumber: row.number, customerId: row.customer_id, via: 'message_id' };
      const number = signed.get(id);
      if (number) {
        const ticket = await liveTicket(trx, number);
        if (ticket) return { ticketId: ticket.id, ticketNumber: ticket.number, customerId: ticket.customer_id, via: 'message_id' };
      }
    }
  }
  const tokens = [...findTicketTokens(message.subject), ...findTicketTokens(message.text.slice(0, 20_000))];
  for (const number of [...new Set(tokens)]) {
    const ticket = await participantTicket(trx, number, input.sender);
    if (ticket) return { ticketId: ticket.id, ticketNumber: ticket.number, customerId: ticket.customer_id, via: 'token' };
  }
  return null;
}

async function liveTicket(trx: Transaction<DB>, number: number): Promise<TicketLite | undefined> {
  return trx.selectFrom('tickets').select(['id', 'number', 'customer_id']).where('number', '=', number).where('deleted_at', 'is', null).executeTakeFirst();
}

/** The ticket when `sender` is its customer or was on one of its mails (From, To or Cc). */
export async function participantTicket(trx: Transaction<DB>, number: number, sender: string): Promise<TicketLite | undefined> {
  const { rows } = await sql<TicketLite>`
    select t.id, t.number, t.customer_id from tickets t join users u on u.id = t.customer_id
    where t.number = ${number} and t.deleted_at is null
      and (u.email = ${sender} or exists (
        select 1 from email_messages em
        where em.ticket_id = t.id and em.direction = 'inbound' and (em.from_address = ${sender} or ${sender} = any(em.cc_addresses))))`.execute(trx);
  return rows[0];
}

/** The ticket a bounce reports on: by the original's Message-IDs, or the token in its subject. */
export async function findBouncedTicket(trx: Transaction<DB>, input: { mailbox: string; secretKey: string | undefined; originalIds: string[]; originalSubject: string | null }): Promise<TicketLite | null> {
  if (input.originalIds.length > 0) {
    const row = await trx
      .selectFrom('email_messages as em')
      .innerJoin('tickets as t', 't.id', 'em.ticket_id')
      .select(['t.id', 't.number', 't.customer_id'])
      .where('em.message_id', 'in', input.originalIds)
      .executeTakeFirst();
    if (row) return row;
    for (const id of input.originalIds) {
      const number = input.secretKey ? verifyOwnMessageId(input.secretKey, id) : null;
      const ticket = number ? await liveTicket(trx, number) : undefined;
      if (ticket) return ticket;
    }
  }
  for (const number of findTicketTokens(input.originalSubject ?? '')) {
    const ticket = await liveTicket(trx, number);
    if (ticket) return ticket;
  }
  return null;
}
