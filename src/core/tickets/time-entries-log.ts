import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema } from './ticket-changes.js';
import { authorizeOnTickets, loadTicket, recordEvent, toPerson } from './ticket.js';
import { minutesSchema, timeEntryTypeSchema, type TimeEntry, type TimeTotals } from './time-entries.js';
import { timeTotals } from './time-entries-list.js';

export const logTimeInput = z.object({
  ticket: ticketRefSchema,
  minutes: minutesSchema,
  type: timeEntryTypeSchema.default('work'),
  billable: z.boolean().default(false),
  description: z.string().trim().max(2000, 'must be at most 2,000 characters').default(''),
});
export type LogTimeInput = z.input<typeof logTimeInput>;

/** Logs time spent on a ticket (staff); returns the entry and the ticket's new totals. */
export async function logTime(deps: Deps, actor: Actor, input: LogTimeInput): Promise<{ ticketNumber: number; entry: TimeEntry; totals: TimeTotals }> {
  const data = parseInput(logTimeInput, input);
  authorizeOnTickets(actor, 'ticket.log_time', data.ticket);
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, data.ticket, 'ticket.log_time');
    const now = deps.clock.now();
    const row = await trx
      .insertInto('time_entries')
      .values({ ticket_id: ticket.id, user_id: actor.id, minutes: data.minutes, type: data.type, billable: data.billable, description: data.description, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      ticketId: ticket.id,
      actorId: actor.id,
      type: 'ticket.time_logged',
      data: { entryId: row.id, minutes: row.minutes, type: row.type, billable: row.billable },
      at: now,
    });
    return {
      ticketNumber: ticket.number,
      entry: {
        id: row.id,
        minutes: row.minutes,
        type: row.type,
        billable: row.billable,
        description: row.description || null,
        user: toPerson(actor),
        createdAt: row.created_at.toISOString(),
      },
      totals: await timeTotals(trx, ticket.id),
    };
  });
}
