import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { refreshTicketSla } from './ticket-sla-store.js';

export const SLA_REPORT_GROUPS = ['none', 'priority', 'agent', 'category'] as const;
const METRICS = ['tickets', 'met', 'breached', 'running', 'paused', 'met_rate', 'first_response_p50', 'first_response_p90', 'resolution_p50', 'resolution_p90'] as const;
type Metric = (typeof METRICS)[number];
type Op = '>=' | '<=' | '!=' | '>' | '<' | '=';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const instant = (endOfDay: boolean) =>
  z.preprocess(
    (v) => (typeof v === 'string' && DATE_ONLY.test(v) && endOfDay ? new Date(Date.parse(`${v}T00:00:00Z`) + 86_400_000) : v),
    z.coerce.date({ message: 'must be a date or time, e.g. 2026-11-25 or 2026-11-25T09:00:00Z' }).optional(),
  );

/** `breached>0`, `met_rate<0.95`: a metric of the totals, an operator, a number. */
export const failIfSchema = z.string().transform((text, ctx) => {
  const m = /^\s*([a-z_0-9]+)\s*(>=|<=|!=|>|<|=)\s*(-?\d+(?:\.\d+)?)\s*$/.exec(text);
  if (!m || !METRICS.includes(m[1] as Metric)) {
    ctx.addIssue({ code: 'custom', message: `must be like 'breached>0' or 'met_rate<0.95' (metrics: ${METRICS.join(', ')})` });
    return z.NEVER;
  }
  return { expression: text.trim(), metric: m[1] as Metric, op: m[2] as Op, value: Number(m[3]) };
});

export const slaReportInput = z.object({
  /** Tickets created at or after. */
  from: instant(false),
  /** Tickets created before; a bare date includes that whole day (UTC). */
  to: instant(true),
  groupBy: z.enum(SLA_REPORT_GROUPS, { message: `must be one of ${SLA_REPORT_GROUPS.join(', ')}` }).default('none'),
  now: z.coerce.date({ message: 'must be a date or time, e.g. 2026-11-25T09:00:00Z' }).optional(),
  failIf: failIfSchema.optional(),
});
export type SlaReportInput = z.input<typeof slaReportInput>;

export interface SlaReportRow {
  /** The group's value (priority, agent email, category name); null for "none" (unassigned, uncategorised, all). */
  group: string | null;
  tickets: number;
  withPolicy: number;
  met: number;
  breached: number;
  running: number;
  paused: number;
  /** met / (met + breached); null when nothing is decided yet. */
  metRate: number | null;
  firstResponse: { p50Seconds: number | null; p90Seconds: number | null };
  resolution: { p50Seconds: number | null; p90Seconds: number | null };
}

/** The one JSON shape of `nexus sla report --format json` (documented in docs/cli.md). */
export interface SlaReport {
  evaluatedAt: string;
  from: string | null;
  to: string | null;
  groupBy: (typeof SLA_REPORT_GROUPS)[number];
  items: SlaReportRow[];
  /** Always null: the rows are one page (the list envelope of the one JSON contract). */
  nextCursor: null;
  total: SlaReportRow;
  /** Met rate per week of creation (Monday, UTC), oldest first: the last 12 weeks of the range. */
  byWeek: { weekStart: string; met: number; breached: number; metRate: number | null }[];
  failIf: { expression: string; crossed: boolean } | null;
}

/** What the rows are grouped by: a column of the ticket's copy in ticket_sla (ids, named after aggregating). */
const groupKey = (by: SlaReportInput['groupBy']): RawBuilder<string | null> => {
  switch (by) {
    case 'priority':
      return sql`s.ticket_priority`;
    case 'agent':
      return sql`s.ticket_assignee_id`;
    case 'category':
      return sql`s.ticket_category_id`;
    default:
      return sql`null::text`;
  }
};

/** The group's name for the output: the agent's email, the category's name (looked up once per group). */
const groupLabel = (by: SlaReportInput['groupBy']): RawBuilder<string | null> => {
  switch (by) {
    case 'agent':
      return sql`(select email from users u where u.id = a.g)`;
    case 'category':
      return sql`(select name from categories c where c.id = a.g)`;
    default:
      return sql`a.g`;
  }
};

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v)));
/** An element of a float8[] as the driver returns it (an array, or its text form `{1,2}`). */
const pick = (v: unknown, i: number): unknown => {
  if (v === null || v === undefined) return null;
  const list = Array.isArray(v) ? v : String(v).replace(/[{}]/g, '').split(',');
  const item = list[i];
  return item === undefined || item === 'NULL' ? null : item;
};

/**
 * The aggregate: each ticket's state as of `now` from its stored due and met times, grouped, with
 * business-time percentiles — one statement over the rows (a grouping set adds the total; one sort
 * per target gives both percentiles).
 */
export function slaReportQuery(input: { from?: Date; to?: Date; groupBy: SlaReportInput['groupBy']; now: Date }) {
  return sql<Record<string, unknown>>`
    ${stateRows(input)}, a as (
      select grouping(g) as gg, g,
        count(*) as tickets, count(*) filter (where has_policy) as with_policy,
        count(*) filter (where met) as met, count(*) filter (where breached) as breached,
        count(*) filter (where has_policy and not met and not breached and is_paused) as paused,
        count(*) filter (where has_policy and not met and not breached and not is_paused) as running,
        percentile_cont(array[0.5, 0.9]) within group (order by fr_s) filter (where has_policy and fr_met) as fr,
        percentile_cont(array[0.5, 0.9]) within group (order by rs_s) filter (where has_policy and rs_met) as rs
      from s
      group by grouping sets ((g), ())
    )
    select gg, ${groupLabel(input.groupBy)} as g, tickets, with_policy, met, breached, paused, running, fr, rs from a`;
}

/** Met and breached per week of creation, for the chart: the last 12 weeks of the range only. */
export function slaWeeklyQuery(input: { from?: Date; to?: Date; now: Date }) {
  const end = input.to && input.to < input.now ? input.to : input.now;
  const start = new Date(end.getTime() - 12 * 7 * 86_400_000);
  const from = input.from && input.from > start ? input.from : start;
  return sql<Record<string, unknown>>`
    ${stateRows({ from, to: input.to, groupBy: 'none', now: input.now })}
    select to_char(date_trunc('week', created_at at time zone 'UTC'), 'YYYY-MM-DD') as w, count(*) filter (where met) as met, count(*) filter (where breached) as breached
    from s group by 1 order by 1`;
}

/**
 * The common table `s`: one row per ticket in the range with its SLA state as of `now`, all from
 * ticket_sla (the evaluated SLA and the trigger-kept copy of the ticket's columns): no join.
 */
function stateRows(input: { from?: Date; to?: Date; groupBy: SlaReportInput['groupBy']; now: Date }) {
  const now = sql`${input.now}::timestamptz`;
  const created = [input.from ? sql`and s.ticket_created_at >= ${input.from}` : sql``, input.to ? sql`and s.ticket_created_at < ${input.to}` : sql``];
  return sql`
    with b as (
      select ${groupKey(input.groupBy)} as g, s.ticket_created_at as created_at,
        s.policy_id is not null as has_policy, coalesce(s.first_response_met_at <= ${now}, false) as fr_met,
        coalesce(s.resolution_met_at <= ${now}, false) as rs_met, s.is_paused,
        s.policy_id is not null and coalesce(
          s.first_response_due_at < coalesce(case when s.first_response_met_at <= ${now} then s.first_response_met_at end, ${now})
          or s.resolution_due_at < coalesce(case when s.resolution_met_at <= ${now} then s.resolution_met_at end, ${now}), false) as breached,
        s.first_response_seconds as fr_s, s.resolution_seconds as rs_s
      from ticket_sla s
      where s.ticket_deleted_at is null ${created[0]!} ${created[1]!}
    ), s as (
      select b.*, has_policy and not breached and fr_met and rs_met as met from b
    )`;
}

function toRow(r: Record<string, unknown>): SlaReportRow {
  const met = Number(r.met);
  const breached = Number(r.breached);
  return {
    group: (r.g as string | null) ?? null,
    tickets: Number(r.tickets),
    withPolicy: Number(r.with_policy),
    met,
    breached,
    running: Number(r.running),
    paused: Number(r.paused),
    metRate: met + breached ? Math.round((met / (met + breached)) * 10_000) / 10_000 : null,
    firstResponse: { p50Seconds: num(pick(r.fr, 0)), p90Seconds: num(pick(r.fr, 1)) },
    resolution: { p50Seconds: num(pick(r.rs, 0)), p90Seconds: num(pick(r.rs, 1)) },
  };
}

function metricOf(row: SlaReportRow, metric: Metric): number | null {
  switch (metric) {
    case 'tickets':
    case 'met':
    case 'breached':
    case 'running':
    case 'paused':
      return row[metric];
    case 'met_rate':
      return row.metRate;
    case 'first_response_p50':
      return row.firstResponse.p50Seconds;
    case 'first_response_p90':
      return row.firstResponse.p90Seconds;
    case 'resolution_p50':
      return row.resolution.p50Seconds;
    case 'resolution_p90':
      return row.resolution.p90Seconds;
    default: {
      const unhandled: never = metric;
      throw new Error(`unhandled metric ${String(unhandled)}`);
    }
  }
}

export function holds(actual: number | null, op: Op, value: number): boolean {
  if (actual === null) return false;
  switch (op) {
    case '>':
      return actual > value;
    case '>=':
      return actual >= value;
    case '<':
      return actual < value;
    case '<=':
      return actual <= value;
    case '=':
      return actual === value;
    case '!=':
      return actual !== value;
    default: {
      const unhandled: never = op;
      throw new Error(`unhandled operator ${String(unhandled)}`);
    }
  }
}

/** Met/breached counts, met rate and business-time percentiles for tickets created in a range (staff). */
export async function slaReport(deps: Deps, actor: Actor, input: SlaReportInput = {}): Promise<SlaReport> {
  authorize(actor, 'sla.view');
  const data = parseInput(slaReportInput, input);
  if (data.from && data.to && data.from >= data.to) {
    throw new NexusError('VALIDATION_FAILED', 'Invalid input — to: must be after from', { details: [{ path: 'to', message: 'must be after from' }] });
  }
  // Bring the stored columns up to date with the history first (a no-op when nothing changed).
  await refreshTicketSla(deps.db, deps.clock.now());
  const now = data.now ?? deps.clock.now();
  // Two statements on two connections at once: the aggregate and the weekly chart's counts.
  const [{ rows }, weekly] = await Promise.all([
    slaReportQuery({ from: data.from, to: data.to, groupBy: data.groupBy, now }).execute(deps.db),
    slaWeeklyQuery({ from: data.from, to: data.to, now }).execute(deps.db),
  ]);
  const total = rows.find((r) => Number(r.gg) === 1);
  const empty = toRow({ tickets: 0, with_policy: 0, met: 0, breached: 0, running: 0, paused: 0 });
  const totalRow = total ? { ...toRow(total), group: null } : empty;
  const items = data.groupBy === 'none' ? [] : rows.filter((r) => Number(r.gg) === 0).map(toRow).sort((a, b) => String(a.group).localeCompare(String(b.group)));
  const byWeek = weekly.rows.map((r) => {
    const met = Number(r.met);
    const breached = Number(r.breached);
    return { weekStart: String(r.w), met, breached, metRate: met + breached ? Math.round((met / (met + breached)) * 10_000) / 10_000 : null };
  });
  return {
    evaluatedAt: now.toISOString(),
    from: data.from?.toISOString() ?? null,
    to: data.to?.toISOString() ?? null,
    groupBy: data.groupBy,
    items,
    nextCursor: null,
    total: totalRow,
    byWeek,
    failIf: data.failIf ? { expression: data.failIf.expression, crossed: holds(metricOf(totalRow, data.failIf.metric), data.failIf.op, data.failIf.value) } : null,
  };
}
