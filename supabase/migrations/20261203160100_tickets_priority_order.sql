-- The ticket list sorted by priority (`--sort priority`, urgent first, then by number) walked every
-- ticket and sorted them: 1.4 s at a million tickets (issue 14). This index holds that order — the very
-- expression of the list's ORDER BY (PRIORITY_RANK in list-tickets.ts) and the number as tie-breaker —
-- so a page, and the next one after its cursor ((rank, number) > (…)), reads just its rows.
create index tickets_priority_idx on tickets (array_position(array['urgent', 'high', 'medium', 'low']::text[], priority), number)
  where deleted_at is null;
