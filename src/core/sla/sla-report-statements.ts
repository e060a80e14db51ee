import { sql, type RawBuilder } from 'kysely';

/** What `nexus sla report` groups by. */
export const SLA_REPORT_GROUPS = ['none', 'priority', 'agent', 'category'] as const;
export type SlaReportGroup = (typeof SLA_REPORT_GROUPS)[number];

export interface SlaReportRange {
  from?: Date;
  to?: Date;
  groupBy: SlaReportGroup;
  now: Date;
}

/** What the rows are grouped by: a column of the ticket's copy in ticket_sla (ids, named after aggregating). */
const groupKey = (by: SlaReportGroup): RawBuilder<string | null> => {
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
const groupLabel = (by: SlaReportGroup): RawBuilder<string | null> => {
  switch (by) {
    case 'agent':
      return sql`(select email from users u where u.id = a.g)`;
    case 'category':
      return sql`(select name from categories c where c.id = a.g)`;
    default:
      return sql`a.g`;
  }
};

/**
 * The common table `s`: one row per ticket in the range with its SLA state as of `now`, all from
 * ticket_sla (the evaluated SLA and the trigger-kept copy of the ticket's columns): no join. A target
 * breached when its due time passed before it was met, or before `now` while unmet (or met after `now`):
 * `least(met_at, now)`, least() skipping a null met_at.
 */
function stateRows(input: SlaReportRange) {
  const now = sql`${input.now}::timestamptz`;
  const created = [input.from ? sql`and s.ticket_created_at >= ${input.from}` : sql``, input.to ? sql`and s.ticket_created_at < ${input.to}` : sql``];
  return sql`
    with b as (
      select ${groupKey(input.groupBy)} as g, s.ticket_created_at as created_at,
        s.policy_id is not null as has_policy, coalesce(s.first_response_met_at <= ${now}, false) as fr_met,
        coalesce(s.resolution_met_at <= ${now}, false) as rs_met, s.is_paused,
        s.policy_id is not null and coalesce(
          s.first_response_due_at < least(s.first_response_met_at, ${now})
          or s.resolution_due_at < least(s.resolution_met_at, ${now}), false) as breached,
        s.first_response_seconds as fr_s, s.resolution_seconds as rs_s
      from ticket_sla s
      where s.ticket_deleted_at is null ${created[0]!} ${created[1]!}
    ), s as (
      select b.*, has_policy and not breached and fr_met and rs_met as met from b
    )`;
}

/**
 * The counts and the first-response p50/p90 (Postgres's percentile_cont; one sort per group gives both)
 * per group and in total (a grouping set adds the total). `id` is the group's key, to join the
 * resolution percentiles on; `g` its name.
 */
export function slaCountsQuery(input: SlaReportRange) {
  return sql<Record<string, unknown>>`
    ${stateRows(input)}, a as (
      select grouping(g) as gg, g,
        count(*) as tickets, count(*) filter (where has_policy) as with_policy,
        count(*) filter (where met) as met, count(*) filter (where breached) as breached,
        count(*) filter (where has_policy and not met and not breached and is_paused) as paused,
        count(*) filter (where has_policy and not met and not breached and not is_paused) as running,
        percentile_cont(array[0.5, 0.9]) within group (order by fr_s) filter (where has_policy and fr_met) as fr
      from s
      group by grouping sets ((g), ())
    )
    select gg, a.g::text as id, ${groupLabel(input.groupBy)} as g, tickets, with_policy, met, breached, paused, running, fr from a`;
}

/**
 * The resolution p50/p90 per group and in total, over the tickets with a policy whose resolution was met
 * by `now`: its own statement, so its sorts run beside the counts' on another connection.
 */
export function slaResolutionQuery(input: SlaReportRange) {
  return sql<Record<string, unknown>>`
    ${stateRows(input)}
    select grouping(g) as gg, g::text as id, percentile_cont(array[0.5, 0.9]) within group (order by rs_s) as rs
    from s
    where has_policy and rs_met
    group by grouping sets ((g), ())`;
}

/**
 * Met and breached per week of creation, for the chart: the last 12 weeks of the range only. Grouped by
 * the week's start, formatted once per week. The statistic on this very expression (migration
 * 20261202110100) tells the planner there are few weeks, so it hashes them instead of sorting every row.
 */
export function slaWeeklyQuery(input: { from?: Date; to?: Date; now: Date }) {
  const end = input.to && input.to < input.now ? input.to : input.now;
  const start = new Date(end.getTime() - 12 * 7 * 86_400_000);
  const from = input.from && input.from > start ? input.from : start;
  return sql<Record<string, unknown>>`
    ${stateRows({ from, to: input.to, groupBy: 'none', now: input.now })}
    select to_char(w, 'YYYY-MM-DD') as w, met, breached from (
      select date_trunc('week', created_at at time zone 'UTC') as w, count(*) filter (where met) as met, count(*) filter (where breached) as breached
      from s group by 1
    ) x order by x.w`;
}

/**
 * What each of the report's statements runs under, in its own transaction (SET LOCAL): no JIT. On a million
 * rows, compiling the statements' expressions with LLVM costs more CPU than it saves, and the first use of
 * JIT on a connection loads LLVM itself (some 0.2 s on each fresh connection of a CLI process).
 */
export const slaReportSettings = () => sql`set local jit = off`;

/**
 * Every statement of one report, run at once on their own connections (the work split about evenly
 * over two cores: the counts with the first-response sorts; the resolution sorts and the weeks).
 */
export function slaReportStatements(input: SlaReportRange) {
  return {
    counts: slaCountsQuery(input),
    resolution: slaResolutionQuery(input),
    weekly: slaWeeklyQuery(input),
  };
}
