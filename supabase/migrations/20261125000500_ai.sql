-- AI reply pipeline: the job queue, traces of every decision, the shared circuit breaker and the
-- global per-minute usage counters. Everything lives in Postgres so many `nexus serve`/`nexus worker`
-- processes share one view of limits, breaker and queue.

-- One job per stored customer message (the unique message_id makes enqueueing idempotent).
-- status: queued → running (claimed with a lease) → done. A running job whose lease expired (its
-- worker died) is claimed again; the reply is stored in the same transaction that marks it done.
create table ai_jobs (
  id uuid primary key default gen_random_uuid(),
  message_id uuid not null unique references messages (id) on delete cascade,
  ticket_id uuid not null references tickets (id) on delete cascade,
  status text not null default 'queued' check (status in ('queued', 'running', 'done')),
  attempts integer not null default 0,
  run_after timestamptz not null default now(),
  lease_id uuid,
  locked_until timestamptz,
  outcome text check (outcome in ('replied', 'rate_limited', 'human_assigned', 'disabled', 'handed_off')),
  outcome_data jsonb not null default '{}'::jsonb,
  reply_message_id uuid references messages (id) on delete set null,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index ai_jobs_ready_idx on ai_jobs (run_after, created_at) where status <> 'done';
create index ai_jobs_ticket_idx on ai_jobs (ticket_id);

-- What the AI decided for each customer message. A trace is written (outcome `pending`) when a
-- per-ticket reply slot is reserved, so concurrent jobs count each other; it ends as the outcome.
create table ai_traces (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  message_id uuid not null unique references messages (id) on delete cascade,
  reply_message_id uuid references messages (id) on delete set null,
  model text not null,
  prompt_version text not null,
  prompt_hash text not null,
  tokens_in integer not null default 0,
  tokens_out integer not null default 0,
  latency_ms integer not null default 0,
  cost_usd numeric(12, 6) not null default 0,
  confidence real,
  redactions jsonb not null default '[]'::jsonb,
  outcome text not null check (outcome in ('pending', 'replied', 'handed_off', 'failed', 'blocked', 'rate_limited')),
  reason text,
  error text,
  attempts integer not null default 0,
  created_at timestamptz not null default now(),
  finished_at timestamptz
);
create index ai_traces_ticket_idx on ai_traces (ticket_id, created_at);
create index ai_traces_day_idx on ai_traces (created_at);

-- The circuit breaker shared by every process (one row, id = 'openai').
create table ai_breaker (
  id text primary key,
  state text not null default 'closed' check (state in ('closed', 'open', 'half_open')),
  consecutive_failures integer not null default 0,
  opened_at timestamptz,
  probe_started_at timestamptz,
  last_error text,
  updated_at timestamptz not null default now()
);

-- Requests and tokens spent per minute, across processes (global rate limits).
create table ai_usage (
  minute timestamptz primary key,
  requests integer not null default 0,
  tokens integer not null default 0
);

alter table ai_jobs enable row level security;
alter table ai_traces enable row level security;
alter table ai_breaker enable row level security;
alter table ai_usage enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') and exists (select 1 from pg_roles where rolname = 'authenticated') then
    execute 'revoke all on ai_jobs, ai_traces, ai_breaker, ai_usage from anon, authenticated';
  end if;
end;
$$;
