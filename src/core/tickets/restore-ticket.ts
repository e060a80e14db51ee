import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema } from './ticket-changes.js';
import { authorizeOnTickets, loadTicket, presentTicket, recordEvent, type Ticket } from './ticket.js';

export const restoreTicketInput = z.object({ ticket: ticketRefSchema });

/** Takes a ticket out of the trash (staff); it comes back closed, as it was deleted. */
export async function restoreTicket(deps: Deps, actor: Actor, input: z.input<typeof restoreTicketInput>): Promise<Ticket> {
  const data = parseInput(restoreTicketInput, input);
  authorizeOnTickets(actor, 'ticket.restore', data.ticket);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadTicket(trx, actor, data.ticket, 'ticket.restore', { forUpdate: true, includeDeleted: true });
    if (!row.deleted_at) throw new NexusError('CONFLICT', `Ticket #${row.number} is not in the trash`, { hint: 'See the trash with `nexus tickets trash`.' });
    const now = deps.clock.now();
    const restored = await trx.updateTable('tickets').set({ deleted_at: null, deleted_by: null, updated_at: now }).where('id', '=', row.id).returningAll().executeTakeFirstOrThrow();
    await recordEvent(trx, { ticketId: row.id, actorId: actor.id, type: 'ticket.restored', data: { deletedAt: row.deleted_at.toISOString() }, at: now });
    return presentTicket(trx, restored);
  });
}
