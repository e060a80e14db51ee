-- The REST API: idempotency keys (scoped per user, kept 24 h) and login attempts (throttling shared
-- by every `nexus serve` process on one database).

create table idempotency_keys (
  user_id uuid not null references users (id) on delete cascade,
  key text not null check (length(key) between 1 and 255),
  method text not null,
  path text not null,
  request_hash text not null,
  -- null while the first request is still being processed
  status_code integer,
  response text,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  primary key (user_id, key)
);
create index idempotency_keys_expires_idx on idempotency_keys (expires_at);

-- Failed logins per account (lower-case email) and per client address; successes clear an account.
create table login_attempts (
  id bigint generated always as identity primary key,
  scope text not null check (scope in ('account', 'address')),
  subject text not null check (length(subject) between 1 and 300),
  created_at timestamptz not null default now()
);
create index login_attempts_subject_idx on login_attempts (scope, subject, created_at desc);

alter table idempotency_keys enable row level security;
alter table login_attempts enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') and exists (select 1 from pg_roles where rolname = 'authenticated') then
    execute 'revoke all on table idempotency_keys, login_attempts from anon, authenticated';
  end if;
end;
$$;
