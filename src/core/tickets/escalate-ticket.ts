import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { closedConflict, insertSystemNote, ticketRefSchema, updateTicketRow, withLockedTicket } from './ticket-changes.js';
import { presentTicket, recordEvent, type Ticket } from './ticket.js';
import { ticketFor } from './visibility.js';

export const escalateTicketInput = z.object({
  ticket: ticketRefSchema,
  reason: z
    .string()
    .trim()
    .max(2000, 'must be at most 2,000 characters')
    .nullish()
    .transform((v) => (v ? v : null)),
});
export type EscalateTicketInput = z.input<typeof escalateTicketInput>;

/**
 * Asks for a human: status `escalated`, no assignee (the queue picks it up), a system message in the
 * thread. One open escalation at a time.
 */
export async function escalateTicket(deps: Deps, actor: Actor, input: EscalateTicketInput): Promise<Ticket> {
  authorize(actor, 'ticket.escalate');
  const data = parseInput(escalateTicketInput, input);
  return withLockedTicket(deps, actor, data.ticket, 'ticket.escalate', async (trx, row, now) => {
    if (row.status === 'escalated') {
      throw new NexusError('CONFLICT', `Ticket #${row.number} is already escalated and waiting for an agent`);
    }
    if (row.status === 'closed') throw closedConflict(row.number, 'escalate it');
    const updated = await updateTicketRow(trx, row, { status: 'escalated', assignee_id: null }, now);
    const message = await insertSystemNote(trx, { ticketId: row.id, authorId: actor.id, at: now, note: { type: 'escalated', reason: data.reason } });
    await recordEvent(trx, {
      ticketId: row.id,
      actorId: actor.id,
      type: 'ticket.escalated',
      data: { reason: data.reason, messageId: message.id, before: { assigneeId: row.assignee_id, status: row.status }, after: { assigneeId: null, status: 'escalated' } },
      at: now,
    });
    return ticketFor(actor, await presentTicket(trx, updated));
  });
}
