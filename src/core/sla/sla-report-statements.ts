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

/**
 * What the rows are grouped by: a column of the ticket's copy in ticket_sla (ids, named after aggregating).
 * Text is compared bytewise (collation "C"): grouping needs equality only (the same under any deterministic
 * collation), and the database's locale would make sorting a million rows by it a third slower.
 */
const groupKey = (by: SlaReportGroup): RawBuilder<string | null> => {
  switch (by) {
    case 'priority':
      return sql`s.ticket_priority collate "C"`;
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

/** The rows of the range: tickets not in the trash, created in [from, to). */
function inRange(input: { from?: Date; to?: Date }) {
  return sql`s.ticket_deleted_at is null ${input.from ? sql`and s.ticket_created_at >= ${input.from}` : sql``} ${input.to ? sql`and s.ticket_created_at < ${input.to}` : sql``}`;
}

/** The start of the weekly chart: the last 12 weeks of the range (its end: `to` or `now`, the earlier). */
export function weeklyFrom(input: { from?: Date; to?: Date; now: Date }): Date {
  const end = input.to && input.to < input.now ? input.to : input.now;
  const start = new Date(end.getTime() - 12 * 7 * 86_400_000);
  return input.from && input.from > start ? input.from : start;
}

/**
 * Every count of the report in one scan, hashed (no sort): per group and per week of creation, the number
 * of tickets in each SLA state as of `now`, as four flags — with a policy; breached (a target's due time
 * passed before it was met, or before `now` while unmet: `least(met_at, now)`, least() skipping a null
 * met_at); both targets met by `now`; paused. The caller sums them into tickets, met, breached, running and
 * paused per group, in total, and per week (`in_weeks`: the rows of the chart's 12 weeks). OFFSET 0 keeps
 * the flags one column each: the planner then knows there are few groups and hashes them (it does not
 * apply the week expression's statistic inside grouping sets).
 */
export function slaCountsQuery(input: SlaReportRange) {
  const now = sql`${input.now}::timestamptz`;
  return sql<Record<string, unknown>>`
    select gw, a.g::text as id, ${groupLabel(input.groupBy)} as g, has_policy, breached, met, is_paused, to_char(w, 'YYYY-MM-DD') as w, n, in_weeks from (
      select grouping(g) as gw, g, has_policy, breached, met, is_paused, w, count(*) as n,
        count(*) filter (where created_at >= ${weeklyFrom(input)}) as in_weeks
      from (
        select ${groupKey(input.groupBy)} as g, s.ticket_created_at as created_at, s.policy_id is not null as has_policy,
          coalesce(s.first_response_due_at < least(s.first_response_met_at, ${now})
            or s.resolution_due_at < least(s.resolution_met_at, ${now}), false) as breached,
          coalesce(s.first_response_met_at <= ${now} and s.resolution_met_at <= ${now}, false) as met, s.is_paused,
          date_trunc('week', s.ticket_created_at at time zone 'UTC') as w
        from ticket_sla s
        where ${inRange(input)}
        offset 0
      ) x
      group by grouping sets ((g, has_policy, breached, met, is_paused), (has_policy, breached, met, is_paused, w))
    ) a`;
}

/**
 * First-response and resolution p50/p90 (Postgres's percentile_cont) per group and in total (a grouping
 * set adds the total), over the tickets with a policy whose target was met by `now`: one sort by group,
 * then one per group and target. `id` is the group's key, to join the counts on.
 */
export function slaPercentilesQuery(input: SlaReportRange) {
  const now = sql`${input.now}::timestamptz`;
  return sql<Record<string, unknown>>`
    select grouping(g) as gg, g::text as id,
      percentile_cont(array[0.5, 0.9]) within group (order by fr_s) as fr,
      percentile_cont(array[0.5, 0.9]) within group (order by rs_s) as rs
    from (
      select ${groupKey(input.groupBy)} as g,
        case when s.first_response_met_at <= ${now} then s.first_response_seconds end as fr_s,
        case when s.resolution_met_at <= ${now} then s.resolution_seconds end as rs_s
      from ticket_sla s
      where ${inRange(input)} and s.policy_id is not null and (s.first_response_met_at <= ${now} or s.resolution_met_at <= ${now})
    ) s
    group by grouping sets ((g), ())`;
}

/**
 * What each of the report's statements runs under, in its own transaction (SET LOCAL): no JIT. On a million
 * rows, compiling the statements' expressions with LLVM costs more CPU than it saves, and the first use of
 * JIT on a connection loads LLVM itself (some 0.2 s on each fresh connection of a CLI process).
 */
export const slaReportSettings = () => sql`set local jit = off`;

/**
 * Every statement of one report, run at once on their own connections (the server has more than one
 * core): the counts (a hashed scan) beside the percentiles (a scan and sorts).
 */
export function slaReportStatements(input: SlaReportRange) {
  return {
    counts: slaCountsQuery(input),
    percentiles: slaPercentilesQuery(input),
  };
}
