import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { TicketRow } from '../tickets/ticket.js';
import { recordEvent } from '../tickets/ticket.js';
import { HANDOFF_ACKNOWLEDGEMENT } from '../tickets/visibility.js';

export { HANDOFF_ACKNOWLEDGEMENT } from '../tickets/visibility.js';

/**
 * Sends a ticket to the human queue from inside the AI job's transaction: status `escalated` (unless a
 * human already owns it or it is closed), a system message with the acknowledgement, and a
 * `ticket.escalated` event with the reason. The customer never sees the reason; agents do.
 */
export async function handOffToHuman(trx: Transaction<DB>, ticket: TicketRow, reason: string, at: Date): Promise<string> {
  const escalates = ticket.status === 'open' || ticket.status === 'pending';
  if (escalates) {
    await trx.updateTable('tickets').set({ status: 'escalated', assignee_id: null, updated_at: at }).where('id', '=', ticket.id).execute();
  }
  const message = await trx
    .insertInto('messages')
    .values({ ticket_id: ticket.id, kind: 'system', author_id: null, body: HANDOFF_ACKNOWLEDGEMENT, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  await recordEvent(trx, {
    ticketId: ticket.id,
    actorId: null,
    type: escalates ? 'ticket.escalated' : 'ai.handed_off',
    data: { by: 'ai', reason, messageId: message.id, ...(escalates ? { before: { status: ticket.status }, after: { status: 'escalated' } } : {}) },
    at,
  });
  return message.id;
}
