import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema, updateTicketRow, withLockedTicket } from './ticket-changes.js';
import { authorizeOnTickets, presentTicket, recordEvent, type Ticket } from './ticket.js';

export const reopenTicketInput = z.object({ ticket: ticketRefSchema });
export type ReopenTicketInput = z.input<typeof reopenTicketInput>;

/** Staff reopen a closed ticket: status `open`, resolved time cleared (the assignee stays). */
export async function reopenTicket(deps: Deps, actor: Actor, input: ReopenTicketInput): Promise<Ticket> {
  const data = parseInput(reopenTicketInput, input);
  authorizeOnTickets(actor, 'ticket.reopen', data.ticket);
  return withLockedTicket(deps, actor, data.ticket, 'ticket.reopen', async (trx, row, now) => {
    if (row.status !== 'closed') throw new NexusError('CONFLICT', `Ticket #${row.number} is not closed (it is ${row.status})`);
    const updated = await updateTicketRow(trx, row, { status: 'open', resolved_at: null }, now);
    await recordEvent(trx, {
      ticketId: row.id,
      actorId: actor.id,
      type: 'ticket.reopened',
      data: { before: { status: 'closed', resolvedAt: row.resolved_at?.toISOString() ?? null }, after: { status: 'open', resolvedAt: null } },
      at: now,
    });
    return presentTicket(trx, updated);
  });
}
