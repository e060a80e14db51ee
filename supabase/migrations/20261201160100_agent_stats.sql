-- Per-agent desk statistics at a million tickets (issue 14 after issue 11 added the per-agent section):
-- `nexus stats` without a range scanned every assigned ticket for its per-agent counts and medians.
-- As for the desk-wide numbers (20261130140200), triggers keep, in the same transaction as every ticket
-- change, per assignee the tickets open and closed and a histogram of first-response and resolution
-- times, sharded by connection; a median reads one bucket of one agent from an index.

create table ticket_agent_counts (
  shard smallint not null,
  assignee_id uuid not null,
  closed boolean not null,
  n bigint not null,
  primary key (shard, assignee_id, closed)
);
alter table ticket_agent_counts enable row level security;

create table ticket_agent_durations (
  shard smallint not null,
  assignee_id uuid not null,
  kind text not null check (kind in ('first_response', 'resolution')),
  bucket integer not null,
  n bigint not null,
  primary key (shard, assignee_id, kind, bucket)
);
alter table ticket_agent_durations enable row level security;

create function ticket_agent_stats_add(shard smallint, assignee uuid, status text, created_at timestamptz, first_response_at timestamptz, resolved_at timestamptz, sign integer)
returns void language plpgsql as $$
declare
  fr numeric := extract(epoch from first_response_at - created_at);
  rs numeric := extract(epoch from resolved_at - created_at);
begin
  insert into ticket_agent_counts as c values (shard, assignee, status = 'closed', sign)
    on conflict on constraint ticket_agent_counts_pkey do update set n = c.n + excluded.n;
  if fr is not null then
    insert into ticket_agent_durations as d values (shard, assignee, 'first_response', nexus_duration_bucket(fr), sign)
      on conflict on constraint ticket_agent_durations_pkey do update set n = d.n + excluded.n;
  end if;
  if rs is not null then
    insert into ticket_agent_durations as d values (shard, assignee, 'resolution', nexus_duration_bucket(rs), sign)
      on conflict on constraint ticket_agent_durations_pkey do update set n = d.n + excluded.n;
  end if;
end;
$$;

create function ticket_agent_stats_on_change() returns trigger language plpgsql as $$
declare
  shard smallint := pg_backend_pid() % 16;
begin
  if tg_op = 'UPDATE'
     and old.assignee_id is not distinct from new.assignee_id and old.deleted_at is not distinct from new.deleted_at
     and old.status = new.status and old.created_at = new.created_at
     and old.first_response_at is not distinct from new.first_response_at and old.resolved_at is not distinct from new.resolved_at then
    return null;
  end if;
  if tg_op in ('UPDATE', 'DELETE') and old.deleted_at is null and old.assignee_id is not null then
    perform ticket_agent_stats_add(shard, old.assignee_id, old.status, old.created_at, old.first_response_at, old.resolved_at, -1);
  end if;
  if tg_op in ('INSERT', 'UPDATE') and new.deleted_at is null and new.assignee_id is not null then
    perform ticket_agent_stats_add(shard, new.assignee_id, new.status, new.created_at, new.first_response_at, new.resolved_at, 1);
  end if;
  return null;
end;
$$;
create trigger ticket_agent_stats_insert_delete after insert or delete on tickets for each row execute function ticket_agent_stats_on_change();
create trigger ticket_agent_stats_update after update of assignee_id, status, deleted_at, created_at, first_response_at, resolved_at on tickets
  for each row execute function ticket_agent_stats_on_change();

insert into ticket_agent_counts (shard, assignee_id, closed, n)
select 0, assignee_id, status = 'closed', count(*) from tickets where deleted_at is null and assignee_id is not null group by 2, 3;
insert into ticket_agent_durations (shard, assignee_id, kind, bucket, n)
select 0, assignee_id, 'first_response', nexus_duration_bucket(extract(epoch from first_response_at - created_at)), count(*)
  from tickets where deleted_at is null and assignee_id is not null and first_response_at is not null group by 2, 4;
insert into ticket_agent_durations (shard, assignee_id, kind, bucket, n)
select 0, assignee_id, 'resolution', nexus_duration_bucket(extract(epoch from resolved_at - created_at)), count(*)
  from tickets where deleted_at is null and assignee_id is not null and resolved_at is not null group by 2, 4;

-- One agent's values of one bucket, in order (medians), by an index-only scan.
create index tickets_agent_first_response_idx on tickets (assignee_id, nexus_duration_bucket(extract(epoch from first_response_at - created_at)), (extract(epoch from first_response_at - created_at)))
  include (first_response_at, created_at) where deleted_at is null and first_response_at is not null and assignee_id is not null;
create index tickets_agent_resolution_idx on tickets (assignee_id, nexus_duration_bucket(extract(epoch from resolved_at - created_at)), (extract(epoch from resolved_at - created_at)))
  include (resolved_at, created_at) where deleted_at is null and resolved_at is not null and assignee_id is not null;

analyze tickets;
