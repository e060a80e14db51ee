import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema, updateTicketRow, withLockedTicket } from './ticket-changes.js';
import { authorizeOnTickets, presentTicket, recordEvent, TICKET_PRIORITIES, type Ticket } from './ticket.js';

export const setTicketPriorityInput = z.object({
  ticket: ticketRefSchema,
  priority: z.enum(TICKET_PRIORITIES, { message: `must be one of ${TICKET_PRIORITIES.join(', ')}` }),
});
export type SetTicketPriorityInput = z.input<typeof setTicketPriorityInput>;

/** Changes the priority; setting the current one changes nothing and records nothing. */
export async function setTicketPriority(deps: Deps, actor: Actor, input: SetTicketPriorityInput): Promise<Ticket> {
  const data = parseInput(setTicketPriorityInput, input);
  authorizeOnTickets(actor, 'ticket.set_priority', data.ticket);
  return withLockedTicket(deps, actor, data.ticket, 'ticket.set_priority', async (trx, row, now) => {
    if (row.priority === data.priority) return presentTicket(trx, row);
    const updated = await updateTicketRow(trx, row, { priority: data.priority }, now);
    await recordEvent(trx, { ticketId: row.id, actorId: actor.id, type: 'ticket.priority_changed', data: { before: { priority: row.priority }, after: { priority: data.priority } }, at: now });
    return presentTicket(trx, updated);
  });
}
