import type { Updateable } from 'kysely';
import { z } from 'zod';
import { authorize, isStaff, type Actor } from '../access/permissions.js';
import type { TicketsTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { announceCustomerMessage, announceStaffMessage, closedConflict, insertMessage, messageBodySchema, ticketRefSchema, updateTicketRow } from './ticket-changes.js';
import { ticketFor } from './visibility.js';
import { loadTicket, presentTicket, recordEvent, rowToMessage, type Message, type Ticket } from './ticket.js';

export const replyToTicketInput = z.object({
  ticket: ticketRefSchema,
  body: messageBodySchema,
  /** Set by mail intake for auto-responders: the message never triggers an automatic reply. */
  isAutomated: z.boolean().default(false),
});
export type ReplyToTicketInput = z.input<typeof replyToTicketInput>;

export interface ReplyResult {
  ticket: Ticket;
  message: Message;
}

/**
 * A reply in the thread: `agent` from staff, `customer` from the ticket's customer.
 * Agent replies stamp response times and claim an unassigned ticket; a customer reply reopens a
 * closed ticket and hands a pending one back to the desk.
 */
export async function replyToTicket(deps: Deps, actor: Actor, input: ReplyToTicketInput): Promise<ReplyResult> {
  authorize(actor, 'ticket.reply');
  const data = parseInput(replyToTicketInput, input);
  return deps.db.transaction().execute(async (trx) => {
    // The row lock makes "first response" and "claim" decisions safe against a concurrent reply.
    const row = await loadTicket(trx, actor, data.ticket, 'ticket.reply', { forUpdate: true });
    const now = deps.clock.now();
    const staff = isStaff(actor);
    const changes: Updateable<TicketsTable> = {};
    const events: { type: string; data: Record<string, unknown> }[] = [];
    if (staff) {
      if (row.status === 'closed') throw closedConflict(row.number, 'reply');
      if (!row.first_response_at) changes.first_response_at = now;
      changes.last_response_at = now;
      if (!row.assignee_id) {
        changes.assignee_id = actor.id;
        changes.status = 'assigned';
        events.push({
          type: 'ticket.assigned',
          data: { reason: 'claimed_by_reply', before: { assigneeId: null, status: row.status }, after: { assigneeId: actor.id, status: 'assigned' } },
        });
      }
    } else if (row.status === 'closed' || row.status === 'pending') {
      changes.status = 'open';
      if (row.status === 'closed') changes.resolved_at = null;
      events.push({
        type: row.status === 'closed' ? 'ticket.reopened' : 'ticket.status_changed',
        data: { reason: 'customer_reply', before: { status: row.status }, after: { status: changes.status } },
      });
    }
    const kind = staff ? 'agent' : 'customer';
    const message = await insertMessage(trx, { ticketId: row.id, kind, authorId: actor.id, body: data.body, at: now });
    const updated = await updateTicketRow(trx, row, changes, now);
    await recordEvent(trx, { ticketId: row.id, actorId: actor.id, type: 'ticket.message_added', data: { messageId: message.id, kind }, at: now });
    if (changes.first_response_at) {
      await recordEvent(trx, { ticketId: row.id, actorId: actor.id, type: 'ticket.first_response', data: { messageId: message.id }, at: now });
    }
    for (const event of events) await recordEvent(trx, { ticketId: row.id, actorId: actor.id, ...event, at: now });
    if (!staff) await announceCustomerMessage(deps, trx, updated, message, data.isAutomated);
    else await announceStaffMessage(deps, trx, updated, message, 'agent');
    return { ticket: ticketFor(actor, await presentTicket(trx, updated)), message: rowToMessage(message, { id: actor.id, email: actor.email, name: actor.name }) };
  });
}
