-- The webhook inbox: a provider's message is stored here (after its signature was checked) and the
-- request answered at once; a background processor ingests it through the one intake path. The row
-- is marked done in the same transaction as the message it holds, so a message stored but not yet
-- processed when the process stops is processed after a restart, exactly once. A row whose processor
-- died is claimed again once its lease has expired.
create table email_inbox (
  id uuid primary key default gen_random_uuid(),
  provider text not null,
  mailbox text not null,
  raw bytea,
  size_bytes integer not null default 0,
  status text not null default 'queued' check (status in ('queued', 'processing', 'done')),
  attempts integer not null default 0,
  lease_id uuid,
  locked_until timestamptz,
  message_id text,
  last_error text,
  received_at timestamptz not null default now(),
  processed_at timestamptz
);
create index email_inbox_ready_idx on email_inbox (received_at) where status <> 'done';

alter table email_inbox enable row level security;
