import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { DeskCounts } from './get-stats.js';
import { createdInRange } from './stats-extras.js';
import { roundSeconds, zeroes } from './get-stats.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './ticket.js';

/**
 * The desk's numbers over the tickets created in a date range: a scan of that range (the whole-desk
 * numbers come from the trigger-kept counters instead, see get-stats.ts).
 */
export async function countsInRange(trx: Transaction<DB>, range: { from?: Date; to?: Date }, now: Date): Promise<DeskCounts> {
  const inRange = createdInRange(range);
  const groups = await trx
    .selectFrom('tickets')
    .select(['status', 'priority', (eb) => eb.fn.countAll<string>().as('n')])
    .where('deleted_at', 'is', null)
    .where(inRange)
    .groupBy(['status', 'priority'])
    .execute();
  const byStatus = zeroes(TICKET_STATUSES);
  const byPriority = zeroes(TICKET_PRIORITIES);
  let total = 0;
  for (const g of groups) {
    byStatus[g.status] += Number(g.n);
    byPriority[g.priority] += Number(g.n);
    total += Number(g.n);
  }
  const age = sql`extract(epoch from (${now}::timestamptz - created_at))`;
  const backlog = await trx
    .selectFrom('tickets')
    .select([
      sql<string>`count(*) filter (where ${age} < 86400)`.as('d1'),
      sql<string>`count(*) filter (where ${age} >= 86400 and ${age} < 259200)`.as('d3'),
      sql<string>`count(*) filter (where ${age} >= 259200 and ${age} < 604800)`.as('d7'),
      sql<string>`count(*) filter (where ${age} >= 604800)`.as('older'),
    ])
    .where('deleted_at', 'is', null)
    .where(inRange)
    .where('status', '<>', 'closed')
    .executeTakeFirstOrThrow();
  const durations = await trx
    .selectFrom('tickets')
    .select([
      sql<string>`count(first_response_at)`.as('fr_n'),
      sql<string | null>`avg(extract(epoch from first_response_at - created_at))`.as('fr_avg'),
      sql<string | null>`percentile_cont(0.5) within group (order by extract(epoch from first_response_at - created_at))`.as('fr_med'),
      sql<string>`count(resolved_at)`.as('rs_n'),
      sql<string | null>`avg(extract(epoch from resolved_at - created_at))`.as('rs_avg'),
      sql<string | null>`percentile_cont(0.5) within group (order by extract(epoch from resolved_at - created_at))`.as('rs_med'),
    ])
    .where('deleted_at', 'is', null)
    .where(inRange)
    .executeTakeFirstOrThrow();
  return {
    total,
    byStatus,
    byPriority,
    backlogByAge: { lessThan1Day: Number(backlog.d1), from1To3Days: Number(backlog.d3), from3To7Days: Number(backlog.d7), moreThan7Days: Number(backlog.older) },
    firstResponse: { count: Number(durations.fr_n), averageSeconds: roundSeconds(durations.fr_avg), medianSeconds: roundSeconds(durations.fr_med) },
    resolution: { count: Number(durations.rs_n), averageSeconds: roundSeconds(durations.rs_avg), medianSeconds: roundSeconds(durations.rs_med) },
  };
}
