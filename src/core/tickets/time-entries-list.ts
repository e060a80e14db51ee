import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema } from './ticket-changes.js';
import { authorizeOnTickets, loadTicket } from './ticket.js';
import type { TimeEntry, TimeTotals } from './time-entries.js';
import { toPerson } from './ticket.js';

export async function timeTotals(db: Kysely<DB> | Transaction<DB>, ticketId: string): Promise<TimeTotals> {
  const row = await db
    .selectFrom('time_entries')
    .select((eb) => [
      eb.fn.coalesce(eb.fn.sum<string>('minutes'), eb.val('0')).as('total'),
      eb.fn.coalesce(eb.fn.sum<string>(eb.case().when('billable', '=', true).then(eb.ref('minutes')).else(0).end()), eb.val('0')).as('billable'),
    ])
    .where('ticket_id', '=', ticketId)
    .executeTakeFirstOrThrow();
  return { totalMinutes: Number(row.total), billableMinutes: Number(row.billable) };
}

/** A ticket's time entries as one list page, with the ticket's number and totals beside it. */
export interface TimeEntryList {
  items: TimeEntry[];
  nextCursor: null;
  ticketNumber: number;
  totals: TimeTotals;
}

export const listTimeEntriesInput = z.object({ ticket: ticketRefSchema });

/** A ticket's time entries, oldest first, with totals (all and billable). Staff only. */
export async function listTimeEntries(
  deps: Deps,
  actor: Actor,
  input: z.input<typeof listTimeEntriesInput>,
): Promise<TimeEntryList> {
  const data = parseInput(listTimeEntriesInput, input);
  authorizeOnTickets(actor, 'ticket.log_time', data.ticket);
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, data.ticket, 'ticket.log_time');
    const rows = await trx
      .selectFrom('time_entries')
      .leftJoin('users', 'users.id', 'time_entries.user_id')
      .select(['time_entries.id', 'minutes', 'type', 'billable', 'description', 'time_entries.created_at', 'users.id as user_id', 'users.email', 'users.name'])
      .where('ticket_id', '=', ticket.id)
      .orderBy('time_entries.created_at')
      .orderBy('time_entries.id')
      .execute();
    const entries = rows.map((r) => ({
      id: r.id,
      minutes: r.minutes,
      type: r.type,
      billable: r.billable,
      description: r.description || null,
      user: r.user_id ? toPerson({ id: r.user_id, email: r.email!, name: r.name }) : null,
      createdAt: r.created_at.toISOString(),
    }));
    return { items: entries, nextCursor: null, ticketNumber: ticket.number, totals: await timeTotals(trx, ticket.id) };
  });
}
