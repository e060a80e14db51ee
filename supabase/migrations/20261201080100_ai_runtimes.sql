-- Issue 8: the AI configuration each process running the AI workers (`nexus serve`, `nexus worker`)
-- resolved for itself: provider host, model, on/off and whether it has a key (never the key), limits.
-- `nexus ai status` and GET /v1/ai/status read it, so they report the desk's AI as the processes that
-- answer tickets see it, not as the shell that asks is configured. A process writes its row when its
-- workers start, beats every minute (seen_at) and removes it when it stops; rows not seen for a few
-- minutes (a killed process) are ignored.
create table ai_runtimes (
  id uuid primary key,
  command text not null,
  hostname text not null,
  pid integer not null,
  settings jsonb not null,
  started_at timestamptz not null,
  seen_at timestamptz not null
);
create index ai_runtimes_seen_at_idx on ai_runtimes (seen_at desc);

alter table ai_runtimes enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') and exists (select 1 from pg_roles where rolname = 'authenticated') then
    execute 'revoke all on ai_runtimes from anon, authenticated';
  end if;
end;
$$;
