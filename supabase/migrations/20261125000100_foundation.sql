-- Foundation: accounts, sessions, password resets, tickets, messages and the append-only ticket history.
-- Applies unchanged to PGlite, plain Postgres (15+) and Supabase.

create table users (
  id uuid primary key default gen_random_uuid(),
  email text not null check (email = lower(email) and length(email) between 3 and 254 and position('@' in email) > 1),
  name text not null default '' check (length(name) <= 200),
  role text not null default 'customer' check (role in ('customer', 'agent', 'admin')),
  is_disabled boolean not null default false,
  password_hash text,
  token_version integer not null default 0,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index users_email_key on users (lower(email));
create index users_role_idx on users (role) where not is_disabled;

-- CLI sessions and API refresh tokens: only a SHA-256 of the token is stored.
create table sessions (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  kind text not null check (kind in ('cli', 'refresh')),
  token_hash text not null unique,
  family_id uuid not null,
  client text,
  created_at timestamptz not null default now(),
  last_used_at timestamptz not null default now(),
  expires_at timestamptz not null,
  revoked_at timestamptz,
  replaced_by uuid references sessions (id) on delete set null
);
create index sessions_user_idx on sessions (user_id) where revoked_at is null;
create index sessions_family_idx on sessions (family_id);

create table password_resets (
  id uuid primary key default gen_random_uuid(),
  user_id uuid not null references users (id) on delete cascade,
  token_hash text not null unique,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);
create index password_resets_user_idx on password_resets (user_id);

-- Human-facing ticket numbers (#1001, #1002, …); UUIDs stay internal.
create sequence ticket_number_seq start with 1001;

create table tickets (
  id uuid primary key default gen_random_uuid(),
  number integer not null default nextval('ticket_number_seq') unique,
  subject text not null check (length(subject) between 1 and 500),
  context text check (length(context) <= 200),
  status text not null default 'open' check (status in ('open', 'pending', 'escalated', 'assigned', 'closed')),
  priority text not null default 'medium' check (priority in ('low', 'medium', 'high', 'urgent')),
  source text not null default 'api' check (source in ('web', 'email', 'api', 'cli')),
  customer_id uuid not null references users (id) on delete restrict,
  assignee_id uuid references users (id) on delete set null,
  ai_enabled boolean not null default true,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  first_response_at timestamptz,
  last_response_at timestamptz,
  resolved_at timestamptz,
  deleted_at timestamptz,
  deleted_by uuid references users (id) on delete set null,
  check ((status = 'closed') = (resolved_at is not null)),
  check (status <> 'assigned' or assignee_id is not null)
);
alter sequence ticket_number_seq owned by tickets.number;
create index tickets_queue_idx on tickets (created_at desc, number desc) where deleted_at is null;
create index tickets_status_idx on tickets (status, priority) where deleted_at is null;
create index tickets_customer_idx on tickets (customer_id, created_at desc);
create index tickets_assignee_idx on tickets (assignee_id, status) where assignee_id is not null;
create index tickets_deleted_idx on tickets (deleted_at) where deleted_at is not null;

create table messages (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  kind text not null check (kind in ('customer', 'agent', 'ai', 'system', 'internal')),
  author_id uuid references users (id) on delete set null,
  body text not null check (length(body) between 1 and 100000),
  created_at timestamptz not null default now()
);
create index messages_ticket_idx on messages (ticket_id, created_at, id);

-- The ticket history: who did what, when, with before/after values. Append-only.
create table ticket_events (
  id bigint generated always as identity primary key,
  ticket_id uuid not null references tickets (id) on delete cascade,
  actor_id uuid references users (id) on delete set null,
  type text not null check (type ~ '^[a-z][a-z_.]*$'),
  data jsonb not null default '{}'::jsonb,
  created_at timestamptz not null default now()
);
create index ticket_events_ticket_idx on ticket_events (ticket_id, id);

create function ticket_events_append_only() returns trigger language plpgsql as $$
begin
  raise exception 'ticket_events is append-only';
end;
$$;
create trigger ticket_events_no_update before update on ticket_events
  for each row execute function ticket_events_append_only();

-- Row level security on every table, with no policy: Supabase's public keys (anon, authenticated)
-- read nothing; Nexus connects as the owner. Guarded so plain Postgres and PGlite accept it.
alter table users enable row level security;
alter table sessions enable row level security;
alter table password_resets enable row level security;
alter table tickets enable row level security;
alter table messages enable row level security;
alter table ticket_events enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') and exists (select 1 from pg_roles where rolname = 'authenticated') then
    execute 'revoke all on all tables in schema public from anon, authenticated';
    execute 'revoke all on all sequences in schema public from anon, authenticated';
  end if;
end;
$$;
