import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { closedConflict, ticketRefSchema, updateTicketRow, withLockedTicket } from './ticket-changes.js';
import { authorizeOnTickets, presentTicket, recordEvent, type Ticket } from './ticket.js';

/** The working states staff set by hand; closing and re-opening have their own use cases. */
export const SETTABLE_STATUSES = ['pending', 'open'] as const;

export const setTicketStatusInput = z.object({
  ticket: ticketRefSchema,
  status: z.enum(SETTABLE_STATUSES, { message: `must be one of ${SETTABLE_STATUSES.join(', ')} (close and reopen have their own commands)` }),
});
export type SetTicketStatusInput = z.input<typeof setTicketStatusInput>;

/**
 * Staff put a ticket `pending` (waiting on the customer: the SLA clock pauses) or back to `open`.
 * The customer's next message returns a pending ticket to `open` by itself. Setting the current
 * status changes nothing and records nothing.
 */
export async function setTicketStatus(deps: Deps, actor: Actor, input: SetTicketStatusInput): Promise<Ticket> {
  const data = parseInput(setTicketStatusInput, input);
  authorizeOnTickets(actor, 'ticket.assign', data.ticket);
  return withLockedTicket(deps, actor, data.ticket, 'ticket.assign', async (trx, row, now) => {
    if (row.status === 'closed') throw closedConflict(row.number, `set it ${data.status}`);
    if (row.status === data.status) return presentTicket(trx, row);
    if (data.status === 'open' && row.status !== 'pending') {
      throw new NexusError('CONFLICT', `Ticket #${row.number} is ${row.status}; only a pending ticket is set back to open`);
    }
    const updated = await updateTicketRow(trx, row, { status: data.status }, now);
    await recordEvent(trx, { ticketId: row.id, actorId: actor.id, type: 'ticket.status_changed', data: { before: { status: row.status }, after: { status: data.status } }, at: now });
    return presentTicket(trx, updated);
  });
}
