import { sql } from 'kysely';
import { authorize, type Actor } from '../access/permissions.js';
import type { TicketPriority, TicketStatus } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { agentStats, createdInRange, csatStats, statsRangeInput, type AgentStats, type CsatStats, type StatsRangeInput } from './stats-extras.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './ticket.js';

export interface DurationStats {
  /** Tickets measured. */
  count: number;
  averageSeconds: number | null;
  medianSeconds: number | null;
}

export interface DeskStats {
  generatedAt: string;
  total: number;
  byStatus: Record<TicketStatus, number>;
  byPriority: Record<TicketPriority, number>;
  /** Tickets not closed, by age since creation. */
  backlogByAge: { lessThan1Day: number; from1To3Days: number; from3To7Days: number; moreThan7Days: number };
  firstResponse: DurationStats;
  resolution: DurationStats;
  /** The range asked for (tickets created in it); null for all time. */
  from: string | null;
  to: string | null;
  /** Per assigned agent, over the tickets in the range. */
  byAgent: AgentStats[];
  /** Customer satisfaction from ratings on the tickets in the range. */
  csat: CsatStats;
}

const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
const num = (v: string | number | null): number | null => (v === null ? null : Math.round(Number(v) * 1000) / 1000);

/** Desk-wide numbers over tickets not in the trash (staff only). */
export async function getStats(deps: Deps, actor: Actor, input: StatsRangeInput = {}): Promise<DeskStats> {
  authorize(actor, 'stats.view');
  const range = parseInput(statsRangeInput, input);
  const inRange = createdInRange(range);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
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
      generatedAt: now.toISOString(),
      total,
      byStatus,
      byPriority,
      backlogByAge: { lessThan1Day: Number(backlog.d1), from1To3Days: Number(backlog.d3), from3To7Days: Number(backlog.d7), moreThan7Days: Number(backlog.older) },
      firstResponse: { count: Number(durations.fr_n), averageSeconds: num(durations.fr_avg), medianSeconds: num(durations.fr_med) },
      resolution: { count: Number(durations.rs_n), averageSeconds: num(durations.rs_avg), medianSeconds: num(durations.rs_med) },
      from: range.from?.toISOString() ?? null,
      to: range.to?.toISOString() ?? null,
      byAgent: await agentStats(trx, range),
      csat: await csatStats(trx, range),
    };
  });
}
