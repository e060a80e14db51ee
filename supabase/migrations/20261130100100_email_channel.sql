-- Email channel: mailbox accounts (credentials encrypted by the application with AES-256-GCM), every
-- message that entered or left a mailbox (dedupe + threading by Message-ID), the outbound queue,
-- IMAP checkpoints, template overrides and the webhook replay cache.

create table email_accounts (
  id uuid primary key default gen_random_uuid(),
  address text not null unique check (address = lower(address)),
  display_name text,
  aliases text[] not null default '{}',
  is_default boolean not null default false,
  is_active boolean not null default true,
  -- Non-secret settings of each side; secrets live only in secrets_enc (v1:<iv>:<tag>:<data>, base64).
  inbound jsonb not null default '{"kind":"webhook"}'::jsonb,
  outbound jsonb not null default '{"kind":"outbox"}'::jsonb,
  secrets_enc text,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index email_accounts_one_default_idx on email_accounts (is_default) where is_default;

-- One row per message per mailbox, inbound or outbound. The unique (mailbox, message_id) makes
-- re-deliveries (alias copies, IMAP re-syncs, webhook retries) no-ops.
create table email_messages (
  id uuid primary key default gen_random_uuid(),
  mailbox text not null,
  message_id text not null,
  direction text not null check (direction in ('inbound', 'outbound')),
  decision text not null check (decision in ('new_ticket', 'same_ticket', 'ignored_autoreply', 'ignored_bounce', 'quarantined', 'sent')),
  reason text,
  ticket_id uuid references tickets (id) on delete set null,
  message_ref uuid references messages (id) on delete set null,
  from_address text,
  reply_to text,
  cc_addresses text[] not null default '{}',
  subject text,
  size_bytes integer not null default 0,
  raw_key text,
  raw bytea,
  auto_reply boolean not null default false,
  sent_at timestamptz,
  created_at timestamptz not null default now()
);
create unique index email_messages_mailbox_message_id_idx on email_messages (mailbox, message_id);
create index email_messages_message_id_idx on email_messages (message_id);
create index email_messages_ticket_idx on email_messages (ticket_id);
create index email_messages_quarantine_idx on email_messages (created_at) where decision = 'quarantined';

-- The outbound queue: queued → sent, or failed after the last attempt; retried with backoff.
create table email_outbox (
  id uuid primary key default gen_random_uuid(),
  account_id uuid references email_accounts (id) on delete set null,
  ticket_id uuid references tickets (id) on delete set null,
  kind text not null,
  automatic boolean not null default false,
  to_address text not null,
  from_address text not null,
  subject text not null,
  text_body text not null,
  html_body text,
  message_id text not null unique,
  headers jsonb not null default '{}'::jsonb,
  status text not null default 'queued' check (status in ('queued', 'sending', 'sent', 'failed')),
  attempts integer not null default 0,
  next_attempt_at timestamptz not null default now(),
  locked_until timestamptz,
  last_error text,
  provider_message_id text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index email_outbox_ready_idx on email_outbox (next_attempt_at) where status = 'queued';
create index email_outbox_recipient_idx on email_outbox (to_address, created_at) where automatic;

-- IMAP sync state per account mailbox: UIDVALIDITY as text (it is a 32-bit unsigned number that
-- clients hold as BigInt) and the last ingested UID, written in the ingest transaction.
create table email_checkpoints (
  account_id uuid not null references email_accounts (id) on delete cascade,
  mailbox text not null,
  uid_validity text not null,
  last_uid bigint not null default 0,
  last_poll_at timestamptz,
  last_error text,
  last_error_at timestamptz,
  backlog integer not null default 0,
  updated_at timestamptz not null default now(),
  primary key (account_id, mailbox)
);

-- Admin edits of the built-in templates; a missing row means the built-in text.
create table email_templates (
  key text primary key,
  subject text not null,
  body text not null,
  enabled boolean not null default true,
  updated_at timestamptz not null default now()
);

-- Webhook replay protection: a provider token or signature is accepted once within the window.
create table email_webhook_nonces (
  provider text not null,
  nonce text not null,
  created_at timestamptz not null default now(),
  primary key (provider, nonce)
);

alter table email_accounts enable row level security;
alter table email_messages enable row level security;
alter table email_outbox enable row level security;
alter table email_checkpoints enable row level security;
alter table email_templates enable row level security;
alter table email_webhook_nonces enable row level security;
