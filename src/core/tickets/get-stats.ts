import { sql, type Kysely, type Transaction } from 'kysely';
import { authorize, type Actor } from '../access/permissions.js';
import type { DB, TicketPriority, TicketStatus } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { agentStatsFromCounters } from './agent-stats-counters.js';
import { agentStats, csatStats, statsRangeInput, type AgentStats, type CsatStats, type StatsRangeInput } from './stats-extras.js';
import { countsInRange } from './stats-in-range.js';
import { TICKET_PRIORITIES, TICKET_STATUSES } from './ticket.js';

export interface DurationStats {
  /** Tickets measured. */
  count: number;
  averageSeconds: number | null;
  medianSeconds: number | null;
}

/** The counting part of the desk's numbers: from the counters for all time, from a scan for a range. */
export interface DeskCounts {
  total: number;
  byStatus: Record<TicketStatus, number>;
  byPriority: Record<TicketPriority, number>;
  /** Tickets not closed, by age since creation. */
  backlogByAge: { lessThan1Day: number; from1To3Days: number; from3To7Days: number; moreThan7Days: number };
  firstResponse: DurationStats;
  resolution: DurationStats;
}

export interface DeskStats extends DeskCounts {
  generatedAt: string;
  /** The range asked for (tickets created in it); null for all time. */
  from: string | null;
  to: string | null;
  /** Per assigned agent, over the tickets in the range. */
  byAgent: AgentStats[];
  /** Customer satisfaction from ratings on the tickets in the range. */
  csat: CsatStats;
}

export const zeroes = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
export const roundSeconds = (v: string | number | null): number | null => (v === null ? null : Math.round(Number(v) * 1000) / 1000);

const DAY = 86_400_000;
const DURATION = {
  first_response: sql`extract(epoch from first_response_at - created_at)`,
  resolution: sql`extract(epoch from resolved_at - created_at)`,
} as const;
type DurationKind = keyof typeof DURATION;

/**
 * Desk-wide numbers over tickets not in the trash (staff only). For all time they are exact and read
 * without scanning the tickets: counts and duration histograms, desk-wide and per agent, are kept by
 * triggers (migrations 20261130140200, 20261201160100); the backlog scans only the open tickets of the last week; a median reads one
 * histogram bucket from its index. With `from`/`to` the tickets created in the range are scanned.
 */
export async function getStats(deps: Deps, actor: Actor, input: StatsRangeInput = {}): Promise<DeskStats> {
  authorize(actor, 'stats.view');
  const range = parseInput(statsRangeInput, input);
  // Repeatable read: every number from one snapshot, as one full scan would see it.
  return deps.db.transaction().setIsolationLevel('repeatable read').execute(async (trx) => {
    const now = deps.clock.now();
    const counts = range.from || range.to ? await countsInRange(trx, range, now) : await deskCounts(trx, now);
    return {
      generatedAt: now.toISOString(),
      ...counts,
      from: range.from?.toISOString() ?? null,
      to: range.to?.toISOString() ?? null,
      byAgent: range.from || range.to ? await agentStats(trx, range) : await agentStatsFromCounters(trx),
      csat: await csatStats(trx, range),
    };
  });
}

/** All-time numbers from the trigger-kept counters. */
async function deskCounts(trx: Transaction<DB>, now: Date): Promise<DeskCounts> {
  const groups = await sql<{ status: TicketStatus; priority: TicketPriority; n: string }>`
    select status, priority, sum(n) as n from ticket_counts group by status, priority`.execute(trx);
  const byStatus = zeroes(TICKET_STATUSES);
  const byPriority = zeroes(TICKET_PRIORITIES);
  let total = 0;
  for (const g of groups.rows) {
    byStatus[g.status] += Number(g.n);
    byPriority[g.priority] += Number(g.n);
    total += Number(g.n);
  }
  const at = (days: number) => new Date(now.getTime() - days * DAY);
  const recent = await sql<{ d1: string; d3: string; d7: string }>`
    select count(*) filter (where created_at > ${at(1)}) as d1,
           count(*) filter (where created_at <= ${at(1)} and created_at > ${at(3)}) as d3,
           count(*) filter (where created_at <= ${at(3)}) as d7
      from tickets where deleted_at is null and status <> 'closed' and created_at > ${at(7)}`.execute(trx);
  const { d1, d3, d7 } = recent.rows[0]!;
  const notClosed = total - byStatus.closed;
  return {
    total,
    byStatus,
    byPriority,
    backlogByAge: { lessThan1Day: Number(d1), from1To3Days: Number(d3), from3To7Days: Number(d7), moreThan7Days: notClosed - Number(d1) - Number(d3) - Number(d7) },
    firstResponse: await durationStats(trx, 'first_response'),
    resolution: await durationStats(trx, 'resolution'),
  };
}

/** Count, average and median (as percentile_cont(0.5)) of one duration, from its histogram. */
async function durationStats(trx: Transaction<DB>, kind: DurationKind): Promise<DurationStats> {
  const { rows } = await sql<{ bucket: number; n: string; seconds: string }>`
    select bucket, sum(n) as n, sum(seconds) as seconds from ticket_durations where kind = ${kind} group by bucket having sum(n) > 0 order by bucket`.execute(trx);
  const count = rows.reduce((sum, r) => sum + Number(r.n), 0);
  if (count === 0) return { count: 0, averageSeconds: null, medianSeconds: null };
  // The exact sum over the buckets, divided in numeric like avg() does.
  const total = await sql<{ avg: string }>`select sum(s) / ${count}::numeric as avg from unnest(${rows.map((r) => r.seconds)}::numeric[]) s`.execute(trx);
  const lower = Math.floor((count - 1) / 2);
  const upper = Math.ceil((count - 1) / 2);
  const a = await valueAt(trx, kind, rows, lower);
  const b = upper === lower ? a : await valueAt(trx, kind, rows, upper);
  return { count, averageSeconds: roundSeconds(total.rows[0]!.avg), medianSeconds: roundSeconds(a + (b - a) * 0.5) };
}

/** The `position`-th smallest duration (0-based): find its bucket, then read that bucket from the index. */
async function valueAt(trx: Kysely<DB>, kind: DurationKind, buckets: { bucket: number; n: string }[], position: number): Promise<number> {
  let before = 0;
  for (const b of buckets) {
    const n = Number(b.n);
    if (position < before + n) {
      const notNull = kind === 'first_response' ? sql`first_response_at is not null` : sql`resolved_at is not null`;
      const { rows } = await sql<{ v: string }>`
        select ${DURATION[kind]} as v from tickets
         where deleted_at is null and ${notNull} and nexus_duration_bucket(${DURATION[kind]}) = ${b.bucket}
         order by ${DURATION[kind]} offset ${position - before} limit 1`.execute(trx);
      return Number(rows[0]!.v);
    }
    before += n;
  }
  throw new Error(`no ${kind} duration at position ${position}`);
}
