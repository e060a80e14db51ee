import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema, updateTicketRow, withLockedTicket } from './ticket-changes.js';
import { authorizeOnTickets, presentTicket, recordEvent, type Ticket } from './ticket.js';

export const setTicketAiInput = z.object({
  ticket: ticketRefSchema,
  enabled: z.preprocess((v) => (v === 'on' ? true : v === 'off' ? false : v), z.boolean({ message: 'must be on or off (true or false)' })),
});
export type SetTicketAiInput = z.input<typeof setTicketAiInput>;

/** Turns automatic AI replies on or off for one ticket (the pipeline skips a ticket with AI off). */
export async function setTicketAi(deps: Deps, actor: Actor, input: SetTicketAiInput): Promise<Ticket> {
  const data = parseInput(setTicketAiInput, input);
  authorizeOnTickets(actor, 'ticket.set_ai', data.ticket);
  return withLockedTicket(deps, actor, data.ticket, 'ticket.set_ai', async (trx, row, now) => {
    if (row.ai_enabled === data.enabled) return presentTicket(trx, row);
    const updated = await updateTicketRow(trx, row, { ai_enabled: data.enabled }, now);
    await recordEvent(trx, { ticketId: row.id, actorId: actor.id, type: 'ticket.ai_switched', data: { before: { aiEnabled: row.ai_enabled }, after: { aiEnabled: data.enabled } }, at: now });
    return presentTicket(trx, updated);
  });
}
