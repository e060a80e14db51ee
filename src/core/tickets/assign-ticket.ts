import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { closedConflict, findAssignableStaff, insertSystemNote, ticketRefSchema, updateTicketRow, withLockedTicket } from './ticket-changes.js';
import { authorizeOnTickets, presentTicket, recordEvent, type Ticket } from './ticket.js';

export const assignTicketInput = z.object({
  ticket: ticketRefSchema,
  /** An agent's or admin's email, or `@me`. */
  agent: z.string({ message: 'is required (an email, or @me)' }).trim().min(1, 'is required (an email, or @me)'),
});
export type AssignTicketInput = z.input<typeof assignTicketInput>;

/** Gives the ticket to a human (status `assigned`: the AI stays silent). Assigning the current assignee changes nothing. */
export async function assignTicket(deps: Deps, actor: Actor, input: AssignTicketInput): Promise<Ticket> {
  const data = parseInput(assignTicketInput, input);
  authorizeOnTickets(actor, 'ticket.assign', data.ticket);
  return withLockedTicket(deps, actor, data.ticket, 'ticket.assign', async (trx, row, now) => {
    const agent = await findAssignableStaff(trx, actor, data.agent);
    if (row.status === 'closed') throw closedConflict(row.number, 'assign it');
    if (row.assignee_id === agent.id && row.status === 'assigned') return presentTicket(trx, row);
    const updated = await updateTicketRow(trx, row, { assignee_id: agent.id, status: 'assigned' }, now);
    await insertSystemNote(trx, { ticketId: row.id, authorId: actor.id, at: now, note: { type: 'assigned', assignee: agent.name || agent.email } });
    await recordEvent(trx, {
      ticketId: row.id,
      actorId: actor.id,
      type: 'ticket.assigned',
      data: { before: { assigneeId: row.assignee_id, status: row.status }, after: { assigneeId: agent.id, status: 'assigned' }, assigneeEmail: agent.email },
      at: now,
    });
    return presentTicket(trx, updated);
  });
}
