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

/** A stored mail of a live ticket whose Message-ID a new message names (see findThreadCandidates). */
export interface ThreadCandidate {
  messageId: string;
  ticketId: string;
  ticketNumber: number;
  customerId: string;
}

/** The ids a message may continue: the parent first, then the References from the newest back. */
export function threadIdsOf(message: ParsedMessage): string[] {
  return [...new Set([...message.inReplyTo, ...[...message.references].reverse()])].slice(0, 100);
}

/** The mails of this mailbox, on live tickets, with one of these Message-IDs. */
export async function findThreadCandidates(trx: Transaction<DB>, mailbox: string, ids: string[]): Promise<ThreadCandidate[]> {
  if (ids.length === 0) return [];
  const rows = await trx
    .selectFrom('email_messages as em')
    .innerJoin('tickets as t', 't.id', 'em.ticket_id')
    .select(['em.message_id', 't.id', 't.number', 't.customer_id'])
    .where('em.mailbox', '=', mailbox)
    .where('em.message_id', 'in', ids)
    .where('t.deleted_at', 'is', null)
    .execute();
  return rows.map((r) => ({ messageId: r.message_id, ticketId: r.id, ticketNumber: r.number, customerId: r.customer_id }));
}

/**
 * The ticket a message continues, in the order DESIGN.md §4 fixes: a Message-ID we know in
 * In-Reply-To/References (one we sent and signed, or a mail of the thread we received), then the
 * `[#N]` token in the subject or body when the sender takes part in that ticket. Never the subject alone.
 * `candidates` are the stored mails the ids name, when the caller already read them (mail intake reads
 * them in its first statement); otherwise they are read here.
 */
export async function findThreadTicket(
  trx: Transaction<DB>,
  input: { mailbox: string; secretKey: string | undefined; message: ParsedMessage; sender: string },
  candidates?: ThreadCandidate[],
): Promise<ThreadMatch | null> {
  const { message } = input;
  const ids = threadIdsOf(message);
  if (ids.length > 0) {
    const rows = candidates ?? (await findThreadCandidates(trx, input.mailbox, ids));
    const signed = new Map<string, number>();
    if (input.secretKey) {
      for (const id of ids) {
        const number = verifyOwnMessageId(input.secretKey, id);
        if (number) signed.set(id, number);
      }
    }
    for (const id of ids) {
      const row = rows.find((r) => r.messageId === id);
      if (row) return { ticketId: row.ticketId, ticketNumber: row.ticketNumber, customerId: row.customerId, via: 'message_id' };
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
