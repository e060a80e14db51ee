-- Issue 11 (acceptance 6): `nexus sla report` counts met and breached tickets per week of creation.
-- Without a statistic on that expression the planner takes every distinct creation time for a week of
-- its own and sorts all the rows of the range (a million rows: the slowest part of the report); with
-- it, it knows there are a few weeks and hashes them. ANALYZE fills it now; autovacuum keeps it.
create statistics if not exists ticket_sla_created_week_stats
  on (date_trunc('week', ticket_created_at at time zone 'UTC')) from ticket_sla;

analyze ticket_sla;
