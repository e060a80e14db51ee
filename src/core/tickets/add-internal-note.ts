import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { insertMessage, messageBodySchema, ticketRefSchema, updateTicketRow } from './ticket-changes.js';
import { authorizeOnTickets, loadTicket, recordEvent, rowToMessage, type Message } from './ticket.js';

export const addInternalNoteInput = z.object({ ticket: ticketRefSchema, body: messageBodySchema });
export type AddInternalNoteInput = z.input<typeof addInternalNoteInput>;

/** A note for staff only (kind `internal`): customers never see it, and it is not a response. */
export async function addInternalNote(deps: Deps, actor: Actor, input: AddInternalNoteInput): Promise<Message> {
  const data = parseInput(addInternalNoteInput, input);
  authorizeOnTickets(actor, 'ticket.note', data.ticket);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadTicket(trx, actor, data.ticket, 'ticket.note', { forUpdate: true, includeDeleted: true });
    const now = deps.clock.now();
    const message = await insertMessage(trx, { ticketId: row.id, kind: 'internal', authorId: actor.id, body: data.body, at: now });
    await updateTicketRow(trx, row, {}, now);
    await recordEvent(trx, { ticketId: row.id, actorId: actor.id, type: 'ticket.note_added', data: { messageId: message.id }, at: now });
    return rowToMessage(message, { id: actor.id, email: actor.email, name: actor.name });
  });
}
