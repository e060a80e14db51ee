-- Desk statistics at a million tickets (issue 14), exact and without a full scan. Triggers keep, in the
-- same transaction as every ticket change, the number of tickets per status and priority and a
-- histogram of first-response and resolution times (count and exact sum of seconds per bucket) over the
-- tickets not in the trash. Each connection writes its own shard of the counters (pg_backend_pid() % 16),
-- so concurrent ticket changes do not queue on one row; readers add the shards up. Medians read the
-- histogram to find the bucket of the middle ticket, then that bucket's values from an index.

/** The histogram bucket of a duration: about 5 % wide (20 a factor e), negative durations in -1. */
create function nexus_duration_bucket(seconds numeric) returns integer
language sql immutable strict parallel safe
as $$ select case when seconds < 0 then -1 else floor(ln(1 + seconds) * 20)::integer end $$;

create table ticket_counts (
  shard smallint not null,
  status text not null,
  priority text not null,
  n bigint not null,
  primary key (shard, status, priority)
);
alter table ticket_counts enable row level security;

create table ticket_durations (
  shard smallint not null,
  kind text not null check (kind in ('first_response', 'resolution')),
  bucket integer not null,
  n bigint not null,
  seconds numeric not null,
  primary key (shard, kind, bucket)
);
alter table ticket_durations enable row level security;

create function ticket_stats_add(shard smallint, status text, priority text, created_at timestamptz, first_response_at timestamptz, resolved_at timestamptz, sign integer)
returns void language plpgsql as $$
declare
  fr numeric := extract(epoch from first_response_at - created_at);
  rs numeric := extract(epoch from resolved_at - created_at);
begin
  insert into ticket_counts as c values (shard, status, priority, sign)
    on conflict on constraint ticket_counts_pkey do update set n = c.n + excluded.n;
  if fr is not null then
    insert into ticket_durations as d values (shard, 'first_response', nexus_duration_bucket(fr), sign, sign * fr)
      on conflict on constraint ticket_durations_pkey do update set n = d.n + excluded.n, seconds = d.seconds + excluded.seconds;
  end if;
  if rs is not null then
    insert into ticket_durations as d values (shard, 'resolution', nexus_duration_bucket(rs), sign, sign * rs)
      on conflict on constraint ticket_durations_pkey do update set n = d.n + excluded.n, seconds = d.seconds + excluded.seconds;
  end if;
end;
$$;

create function ticket_stats_on_change() returns trigger language plpgsql as $$
declare
  shard smallint := pg_backend_pid() % 16;
begin
  if tg_op = 'UPDATE'
     and old.deleted_at is not distinct from new.deleted_at and old.status = new.status and old.priority = new.priority
     and old.created_at = new.created_at and old.first_response_at is not distinct from new.first_response_at
     and old.resolved_at is not distinct from new.resolved_at then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null then
    perform ticket_stats_add(shard, old.status, old.priority, old.created_at, old.first_response_at, old.resolved_at, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null then
    perform ticket_stats_add(shard, new.status, new.priority, new.created_at, new.first_response_at, new.resolved_at, 1);
  end if;
  return null;
end;
$$;
create trigger ticket_stats_insert_delete after insert or delete on tickets for each row execute function ticket_stats_on_change();
create trigger ticket_stats_update after update of status, priority, deleted_at, created_at, first_response_at, resolved_at on tickets
  for each row execute function ticket_stats_on_change();

insert into ticket_counts (shard, status, priority, n)
select 0, status, priority, count(*) from tickets where deleted_at is null group by status, priority;
insert into ticket_durations (shard, kind, bucket, n, seconds)
select 0, 'first_response', nexus_duration_bucket(extract(epoch from first_response_at - created_at)), count(*), sum(extract(epoch from first_response_at - created_at))
  from tickets where deleted_at is null and first_response_at is not null group by 3;
insert into ticket_durations (shard, kind, bucket, n, seconds)
select 0, 'resolution', nexus_duration_bucket(extract(epoch from resolved_at - created_at)), count(*), sum(extract(epoch from resolved_at - created_at))
  from tickets where deleted_at is null and resolved_at is not null group by 3;

-- The values of one bucket, in order (medians), read by an index-only scan: the timestamps are included
-- because Postgres serves an expression from an index only when the columns under it are there too.
create index tickets_first_response_idx on tickets (nexus_duration_bucket(extract(epoch from first_response_at - created_at)), (extract(epoch from first_response_at - created_at)))
  include (first_response_at, created_at) where deleted_at is null and first_response_at is not null;
create index tickets_resolution_idx on tickets (nexus_duration_bucket(extract(epoch from resolved_at - created_at)), (extract(epoch from resolved_at - created_at)))
  include (resolved_at, created_at) where deleted_at is null and resolved_at is not null;
-- The recent backlog by age.
create index tickets_backlog_idx on tickets (created_at) where deleted_at is null and status <> 'closed';

-- Statistics for the expression indexes right away.
analyze tickets;
