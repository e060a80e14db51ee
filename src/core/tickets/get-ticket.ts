import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema } from './ticket-changes.js';
import { loadTicket, presentTicket, type Ticket } from './ticket.js';
import { ticketFor } from './visibility.js';

export const getTicketInput = z.object({ ticket: ticketRefSchema });

/**
 * The ticket document as stored now, as `actor` may see it. Edges answer with it after work that other
 * capabilities did on the ticket (an AI hand-off escalating it), so a response never shows a stale status.
 */
export async function getTicket(deps: Deps, actor: Actor, input: z.input<typeof getTicketInput>): Promise<Ticket> {
  authorize(actor, 'ticket.view');
  const { ticket } = parseInput(getTicketInput, input);
  const row = await loadTicket(deps.db, actor, ticket, 'ticket.view', { includeDeleted: true });
  return ticketFor(actor, await presentTicket(deps.db, row));
}
