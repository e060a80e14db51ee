-- Which SLA rules a closed ticket is judged by (issue 11). A closed ticket keeps the outcome it had
-- under the policies in force when it was closed: changing a policy re-targets open tickets only, so a
-- past month's report (and a `--fail-if` cron line over it) does not change after the fact, and
-- `sla explain` on a closed ticket shows the arithmetic the report counted. Every change of the policies
-- or of a calendar they use appends the whole rule set here (as the SLA clock reads it).
create table sla_rule_versions (
  id bigint generated always as identity primary key,
  valid_from timestamptz not null,
  rules jsonb not null
);
create index sla_rule_versions_valid_from_idx on sla_rule_versions (valid_from, id);
alter table sla_rule_versions enable row level security;

-- The rules in force before the first recorded change: today's, from the beginning of time.
insert into sla_rule_versions (valid_from, rules)
select '-infinity', coalesce(jsonb_agg(jsonb_build_object(
    'id', p.id, 'name', p.name, 'priority', p.priority,
    'firstResponseSeconds', p.first_response_seconds, 'resolutionSeconds', p.resolution_seconds,
    'pauseStatuses', to_jsonb(p.pause_statuses), 'aiCountsAsFirstResponse', p.ai_counts_as_first_response,
    'warnPercent', p.warn_percent,
    'calendar', case when c.id is null then null
      else jsonb_build_object('name', c.name, 'timeZone', c.time_zone, 'hours', c.hours, 'holidays', c.holidays) end)
    order by p.priority), '[]'::jsonb)
from sla_policies p left join sla_calendars c on c.id = p.calendar_id;
