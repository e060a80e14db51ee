-- Tag and category catalogues, time entries, ratings of AI replies and attachment metadata.
-- Applies unchanged to PGlite, plain Postgres (15+) and Supabase.

-- Tags: an admin-managed catalogue; names are unique regardless of case.
create table tags (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 50 and name = btrim(name)),
  color text check (color ~ '^#[0-9a-f]{6}$'),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index tags_name_key on tags (lower(name));

create table ticket_tags (
  ticket_id uuid not null references tickets (id) on delete cascade,
  tag_id uuid not null references tags (id) on delete cascade,
  added_by uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (ticket_id, tag_id)
);
create index ticket_tags_tag_idx on ticket_tags (tag_id, ticket_id);

-- Categories: one per ticket at most; deleting a category clears it on its tickets.
create table categories (
  id uuid primary key default gen_random_uuid(),
  name text not null check (length(name) between 1 and 100 and name = btrim(name)),
  description text not null default '' check (length(description) <= 1000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index categories_name_key on categories (lower(name));

alter table tickets add column category_id uuid references categories (id) on delete set null;
create index tickets_category_idx on tickets (category_id) where category_id is not null;

-- Time logged by staff on a ticket.
create table time_entries (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  user_id uuid references users (id) on delete set null,
  minutes integer not null check (minutes between 1 and 1440),
  type text not null check (type in ('work', 'waiting', 'research', 'communication', 'other')),
  billable boolean not null default false,
  description text not null default '' check (length(description) <= 2000),
  created_at timestamptz not null default now()
);
create index time_entries_ticket_idx on time_entries (ticket_id, created_at);

-- A customer's rating of an AI reply: one per user per message, updatable.
create table message_ratings (
  id uuid primary key default gen_random_uuid(),
  message_id uuid not null references messages (id) on delete cascade,
  ticket_id uuid not null references tickets (id) on delete cascade,
  user_id uuid not null references users (id) on delete cascade,
  rating smallint not null check (rating between 1 and 5),
  comment text check (length(comment) <= 2000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  unique (message_id, user_id)
);
create index message_ratings_ticket_idx on message_ratings (ticket_id);

-- Attachment metadata; the bytes live in the blob store under storage_key.
create table attachments (
  id uuid primary key default gen_random_uuid(),
  ticket_id uuid not null references tickets (id) on delete cascade,
  message_id uuid references messages (id) on delete set null,
  uploader_id uuid references users (id) on delete set null,
  filename text not null check (length(filename) between 1 and 255 and position('/' in filename) = 0 and position('\' in filename) = 0),
  content_type text not null,
  size_bytes integer not null check (size_bytes between 1 and 10485760),
  sha256 text not null check (sha256 ~ '^[0-9a-f]{64}$'),
  storage_key text not null unique,
  created_at timestamptz not null default now()
);
create index attachments_ticket_idx on attachments (ticket_id, created_at);

alter table tags enable row level security;
alter table ticket_tags enable row level security;
alter table categories enable row level security;
alter table time_entries enable row level security;
alter table message_ratings enable row level security;
alter table attachments enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') and exists (select 1 from pg_roles where rolname = 'authenticated') then
    execute 'revoke all on all tables in schema public from anon, authenticated';
    execute 'revoke all on all sequences in schema public from anon, authenticated';
  end if;
end;
$$;
