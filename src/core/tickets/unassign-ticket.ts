import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { insertSystemNote, ticketRefSchema, updateTicketRow, withLockedTicket } from './ticket-changes.js';
import { authorizeOnTickets, presentTicket, recordEvent, type Ticket } from './ticket.js';

export const unassignTicketInput = z.object({ ticket: ticketRefSchema });
export type UnassignTicketInput = z.input<typeof unassignTicketInput>;

/** Takes the ticket away from its human; an `assigned` ticket goes back to `open`. */
export async function unassignTicket(deps: Deps, actor: Actor, input: UnassignTicketInput): Promise<Ticket> {
  const data = parseInput(unassignTicketInput, input);
  authorizeOnTickets(actor, 'ticket.assign', data.ticket);
  return withLockedTicket(deps, actor, data.ticket, 'ticket.assign', async (trx, row, now) => {
    if (!row.assignee_id) throw new NexusError('CONFLICT', `Ticket #${row.number} is not assigned`);
    const status = row.status === 'assigned' ? 'open' : row.status;
    const updated = await updateTicketRow(trx, row, { assignee_id: null, status }, now);
    await insertSystemNote(trx, { ticketId: row.id, authorId: actor.id, at: now, note: { type: 'unassigned' } });
    await recordEvent(trx, {
      ticketId: row.id,
      actorId: actor.id,
      type: 'ticket.unassigned',
      data: { before: { assigneeId: row.assignee_id, status: row.status }, after: { assigneeId: null, status } },
      at: now,
    });
    return presentTicket(trx, updated);
  });
}
