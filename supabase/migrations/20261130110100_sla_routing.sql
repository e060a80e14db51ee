-- SLA policies and business calendars, the per-ticket SLA columns reports aggregate, agent groups and
-- routing rules. Applies unchanged to PGlite, plain Postgres (15+) and Supabase.

-- Business calendars: an IANA zone, opening ranges per weekday ({"mon":[{"start":"09:00","end":"17:00"}]})
-- and holidays as local dates. Validated by the use cases (Intl knows the zones, not Postgres).
create table sla_calendars (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100 and name = btrim(name)),
  time_zone text not null,
  hours jsonb not null,
  holidays jsonb not null default '[]'::jsonb,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index sla_calendars_name_key on sla_calendars (lower(name));

-- One policy per priority.
create table sla_policies (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100 and name = btrim(name)),
  priority text not null unique check (priority in ('low', 'medium', 'high', 'urgent')),
  first_response_seconds integer not null check (first_response_seconds > 0),
  resolution_seconds integer not null check (resolution_seconds > 0),
  calendar_id uuid references sla_calendars (id) on delete restrict,
  pause_statuses text[] not null default array['pending'],
  ai_counts_as_first_response boolean not null default false,
  warn_percent integer not null default 80 check (warn_percent between 1 and 99),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index sla_policies_name_key on sla_policies (lower(name));

-- The SLA clock's result per ticket, kept current when the ticket changes, so reports and lists
-- aggregate columns instead of replaying histories. `*_seconds` are business seconds counted.
create table ticket_sla (
  ticket_id uuid primary key references tickets (id) on delete cascade,
  policy_id uuid references sla_policies (id) on delete set null,
  state text not null check (state in ('none', 'running', 'paused', 'met', 'breached')),
  is_paused boolean not null default false,
  first_response_due_at timestamptz,
  first_response_warn_at timestamptz,
  first_response_met_at timestamptz,
  first_response_seconds integer,
  resolution_due_at timestamptz,
  resolution_warn_at timestamptz,
  resolution_met_at timestamptz,
  resolution_seconds integer,
  due_at timestamptz,
  -- Which warning/breach events the history already has ('first_response.warning', …).
  notices text[] not null default '{}',
  computed_at timestamptz not null
);
create index ticket_sla_due_idx on ticket_sla (due_at) where due_at is not null;
create index ticket_sla_stale_idx on ticket_sla (ticket_id) where computed_at = '-infinity';

-- How far the SLA refresher has read the ticket history (one row).
create table sla_watermark (
  id boolean primary key default true check (id),
  last_event_id bigint not null default 0
);
insert into sla_watermark (id, last_event_id) values (true, 0);

-- Agent groups for routing: members in order; round-robin remembers the last position served.
create table agent_groups (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100 and name = btrim(name)),
  last_position integer not null default -1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index agent_groups_name_key on agent_groups (lower(name));

create table agent_group_members (
  group_id uuid not null references agent_groups (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  position integer not null,
  primary key (group_id, user_id)
);
create index agent_group_members_user_idx on agent_group_members (user_id);

-- Routing rules, evaluated in position order on every new ticket.
create table routing_rules (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100 and name = btrim(name)),
  position integer not null,
  is_enabled boolean not null default true,
  conditions jsonb not null,
  actions jsonb not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index routing_rules_name_key on routing_rules (lower(name));
create index routing_rules_position_idx on routing_rules (position);

alter table sla_calendars enable row level security;
alter table sla_policies enable row level security;
alter table ticket_sla enable row level security;
alter table sla_watermark enable row level security;
alter table agent_groups enable row level security;
alter table agent_group_members enable row level security;
alter table routing_rules enable row level security;
