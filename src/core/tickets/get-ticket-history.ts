import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema } from './ticket-changes.js';
import { authorizeOnTickets, loadTicket, toPerson, type Person } from './ticket.js';

export const getTicketHistoryInput = z.object({ ticket: ticketRefSchema });
export type GetTicketHistoryInput = z.input<typeof getTicketHistoryInput>;

export interface TicketEvent {
  id: number;
  type: string;
  /** Null for changes made by the system (jobs, mail intake without a known sender). */
  actor: Person | null;
  data: Record<string, unknown>;
  createdAt: string;
}

/** The history as one list page (oldest first), with the ticket's number beside it. */
export interface TicketHistory {
  items: TicketEvent[];
  nextCursor: null;
  ticketNumber: number;
}

/** Every recorded change of a ticket, oldest first (staff only; trashed tickets too). */
export async function getTicketHistory(deps: Deps, actor: Actor, input: GetTicketHistoryInput): Promise<TicketHistory> {
  const data = parseInput(getTicketHistoryInput, input);
  authorizeOnTickets(actor, 'ticket.history', data.ticket);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadTicket(trx, actor, data.ticket, 'ticket.history', { includeDeleted: true });
    const events = await trx
      .selectFrom('ticket_events as e')
      .leftJoin('users as u', 'u.id', 'e.actor_id')
      .select(['e.id', 'e.type', 'e.data', 'e.created_at', 'e.actor_id', 'u.email', 'u.name'])
      .where('e.ticket_id', '=', row.id)
      .orderBy('e.id')
      .execute();
    return {
      ticketNumber: row.number,
      nextCursor: null,
      items: events.map((e) => ({
        id: Number(e.id),
        type: e.type,
        actor: e.actor_id && e.email ? toPerson({ id: e.actor_id, email: e.email, name: e.name }) : null,
        data: e.data,
        createdAt: e.created_at.toISOString(),
      })),
    };
  });
}
