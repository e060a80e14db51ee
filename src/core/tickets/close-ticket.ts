import { z } from 'zod';
import { authorize, isStaff, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema, updateTicketRow, withLockedTicket } from './ticket-changes.js';
import { ticketFor } from './visibility.js';
import { presentTicket, recordEvent, type Ticket } from './ticket.js';

export const closeTicketInput = z.object({ ticket: ticketRefSchema });
export type CloseTicketInput = z.input<typeof closeTicketInput>;

/** Resolves the ticket: status `closed`, resolved time set. A customer may close their own. */
export async function closeTicket(deps: Deps, actor: Actor, input: CloseTicketInput): Promise<Ticket> {
  authorize(actor, 'ticket.close');
  const data = parseInput(closeTicketInput, input);
  return withLockedTicket(deps, actor, data.ticket, 'ticket.close', async (trx, row, now) => {
    if (row.status === 'closed') throw new NexusError('CONFLICT', `Ticket #${row.number} is already closed`);
    const updated = await updateTicketRow(trx, row, { status: 'closed', resolved_at: now }, now);
    await recordEvent(trx, {
      ticketId: row.id,
      actorId: actor.id,
      type: 'ticket.closed',
      data: { before: { status: row.status, resolvedAt: null }, after: { status: 'closed', resolvedAt: now.toISOString() } },
      at: now,
    });
    await deps.hooks?.ticketClosed?.(trx, { ticketId: row.id, ticketNumber: row.number, actorId: actor.id, byStaff: isStaff(actor) });
    return ticketFor(actor, await presentTicket(trx, updated));
  });
}
