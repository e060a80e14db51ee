import type { RawBuilder } from 'kysely';
import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { SLA_REPORT_GROUPS, slaReportSettings, slaReportStatements } from './sla-report-statements.js';
import { refreshTicketSla } from './ticket-sla-store.js';

export { SLA_REPORT_GROUPS };
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

/** met / (met + breached) to four places; null when nothing is decided yet. */
const metRateOf = (met: number, breached: number): number | null => (met + breached ? Math.round((met / (met + breached)) * 10_000) / 10_000 : null);

const num = (v: unknown): number | null => (v === null || v === undefined ? null : Math.round(Number(v)));
/** An element of a float8[] as the driver returns it (an array, or its text form `{1,2}`). */
const pick = (v: unknown, i: number): unknown => {
  if (v === null || v === undefined) return null;
  const list = Array.isArray(v) ? v : String(v).replace(/[{}]/g, '').split(',');
  const item = list[i];
  return item === undefined || item === 'NULL' ? null : item;
};

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
    metRate: metRateOf(met, breached),
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

const TOTAL = '(total)';
const idOf = (r: Record<string, unknown>) => (r.id === null || r.id === undefined ? '' : `=${String(r.id)}`);

interface CountRow {
  g: string | null;
  tickets: number;
  with_policy: number;
  met: number;
  breached: number;
  running: number;
  paused: number;
}

/**
 * The counts statement's rows (tickets per group or week and SLA state, as flags) summed into each group,
 * the total and each week of the chart. A ticket with a policy is breached, else met, else paused, else
 * running.
 */
function sumCounts(rows: Record<string, unknown>[]) {
  const groups = new Map<string, CountRow>();
  const total: CountRow = { g: null, tickets: 0, with_policy: 0, met: 0, breached: 0, running: 0, paused: 0 };
  const weeks = new Map<string, { met: number; breached: number }>();
  for (const r of rows) {
    const state = !r.has_policy ? null : r.breached ? 'breached' : r.met ? 'met' : r.is_paused ? 'paused' : 'running';
    if (Number(r.gw) === 1) {
      const n = Number(r.in_weeks);
      if (!n || r.w === null) continue;
      const week = weeks.get(String(r.w)) ?? { met: 0, breached: 0 };
      weeks.set(String(r.w), week);
      if (state === 'met' || state === 'breached') week[state] += n;
      continue;
    }
    const n = Number(r.n);
    const id = idOf(r);
    const group = groups.get(id) ?? { g: (r.g as string | null) ?? null, tickets: 0, with_policy: 0, met: 0, breached: 0, running: 0, paused: 0 };
    groups.set(id, group);
    for (const row of [group, total]) {
      row.tickets += n;
      if (state) {
        row.with_policy += n;
        row[state] += n;
      }
    }
  }
  return { groups, total, weeks };
}

/** Met/breached counts, met rate and business-time percentiles for tickets created in a range (staff). */
export async function slaReport(deps: Deps, actor: Actor, input: SlaReportInput = {}): Promise<SlaReport> {
  authorize(actor, 'sla.view');
  const data = parseInput(slaReportInput, input);
  if (data.from && data.to && data.from >= data.to) {
    throw new NexusError('VALIDATION_FAILED', 'Invalid input — to: must be after from', { details: [{ path: 'to', message: 'must be after from' }] });
  }
  const now = data.now ?? deps.clock.now();
  // The statements run at once, each on its own connection (see slaReportStatements).
  const statements = slaReportStatements({ from: data.from, to: data.to, groupBy: data.groupBy, now });
  // Bring the stored columns up to date with the history first (a no-op when nothing changed); meanwhile
  // the pool opens the other statements' connections (each costs a round trip or two).
  const opening = Object.keys(statements).slice(1).map(() => deps.db.connection().execute(async () => {}));
  await Promise.all([refreshTicketSla(deps.db, deps.clock.now()), ...opening]);
  const run = (statement: RawBuilder<Record<string, unknown>>) =>
    deps.db.transaction().execute(async (trx) => {
      await slaReportSettings().execute(trx);
      return statement.execute(trx);
    });
  const [counts, percentiles] = await Promise.all([run(statements.counts), run(statements.percentiles)]);
  const { groups, total, weeks } = sumCounts(counts.rows);
  const ranks = new Map(percentiles.rows.map((r) => [Number(r.gg) === 1 ? TOTAL : idOf(r), r]));
  const withRanks = (id: string, r: CountRow) => toRow({ ...r, fr: ranks.get(id)?.fr ?? null, rs: ranks.get(id)?.rs ?? null });
  const totalRow = { ...withRanks(TOTAL, total), group: null };
  const items = data.groupBy === 'none' ? [] : [...groups].map(([id, r]) => withRanks(id, r)).sort((a, b) => String(a.group).localeCompare(String(b.group)));
  const byWeek = [...weeks]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([weekStart, { met, breached }]) => ({ weekStart, met, breached, metRate: metRateOf(met, breached) }));
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
