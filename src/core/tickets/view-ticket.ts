import { z } from 'zod';
import { authorize, can, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema } from './ticket-changes.js';
import { ticketTagNames } from './tags.js';
import { loadTicket, presentTicket, rowToMessage, type Message, type Ticket } from './ticket.js';
import type { TimeTotals } from './time-entries.js';
import { canReadMessage, messageFor, ticketFor } from './visibility.js';
import { timeTotals } from './time-entries-list.js';

export const viewTicketInput = z.object({ ticket: ticketRefSchema });
export type ViewTicketInput = z.input<typeof viewTicketInput>;

export interface TicketThread {
  ticket: Ticket;
  /** Oldest first. Customers never get internal notes or staff-only system notes (visibility.ts). */
  messages: Message[];
  /** Staff only: how the desk has filed the ticket and the time spent on it. */
  work?: { tags: string[]; category: string | null; time: TimeTotals };
}

/** A ticket with its thread. Staff see internal notes (and trashed tickets); customers only their own, public messages. */
export async function viewTicket(deps: Deps, actor: Actor, input: ViewTicketInput): Promise<TicketThread> {
  authorize(actor, 'ticket.view');
  const { ticket: number } = parseInput(viewTicketInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadTicket(trx, actor, number, 'ticket.view', { includeDeleted: true });
    let query = trx
      .selectFrom('messages as m')
      .leftJoin('users as u', 'u.id', 'm.author_id')
      .selectAll('m')
      .select(['u.email as author_email', 'u.name as author_name'])
      .where('m.ticket_id', '=', row.id)
      .orderBy('m.created_at')
      .orderBy('m.id');
    if (!can(actor, 'ticket.view_internal')) query = query.where('m.kind', '<>', 'internal').where('m.audience', '=', 'everyone');
    const messages = await query.execute();
    const work = can(actor, 'ticket.view_internal')
      ? {
          tags: await ticketTagNames(trx, row.id),
          category: row.category_id
            ? ((await trx.selectFrom('categories').select('name').where('id', '=', row.category_id).executeTakeFirst())?.name ?? null)
            : null,
          time: await timeTotals(trx, row.id),
        }
      : undefined;
    return {
      ticket: ticketFor(actor, await presentTicket(trx, row, deps.clock.now())),
      messages: messages
        .filter((m) => canReadMessage(actor, m))
        .map((m) => messageFor(actor, rowToMessage(m, m.author_id && m.author_email ? { id: m.author_id, email: m.author_email, name: m.author_name } : null))),
      ...(work ? { work } : {}),
    };
  });
}
