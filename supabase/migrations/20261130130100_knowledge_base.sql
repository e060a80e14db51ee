-- Knowledge base: articles with versions, their passages (chunks) for search and grounded AI replies.
-- Embeddings are stored as real[] on both databases (the Postgres server has no pgvector here; PGlite
-- and the server keep one schema): similarity is computed over them in SQL.

-- The text-search configuration of an article's locale ('en', 'es-MX' → english, spanish; else simple).
create function kb_regconfig(locale text) returns regconfig
language sql immutable parallel safe
as $$
  select (case lower(split_part(locale, '-', 1))
    when 'en' then 'english' when 'es' then 'spanish' when 'fr' then 'french' when 'de' then 'german'
    when 'pt' then 'portuguese' when 'it' then 'italian' when 'nl' then 'dutch' when 'sv' then 'swedish'
    when 'da' then 'danish' when 'no' then 'norwegian' when 'fi' then 'finnish' when 'ru' then 'russian'
    else 'simple' end)::regconfig
$$;

create table kb_articles (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9][a-z0-9-]{0,119}$'),
  title text not null check (length(title) between 1 and 300),
  body text not null,
  tags text[] not null default '{}',
  locale text not null default 'en' check (locale ~ '^[a-z]{2}(-[A-Za-z]{2})?$'),
  status text not null default 'draft' check (status in ('draft', 'published')),
  version integer not null default 1,
  author_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  published_at timestamptz
);
create index kb_articles_status_idx on kb_articles (status, updated_at);

create table kb_article_versions (
  article_id uuid not null references kb_articles (id) on delete cascade,
  version integer not null,
  title text not null,
  body text not null,
  tags text[] not null default '{}',
  locale text not null,
  author_id uuid references users (id) on delete set null,
  created_at timestamptz not null default now(),
  primary key (article_id, version)
);

-- Passages of an article (by heading and paragraph), what search ranks and the AI is given.
create table kb_chunks (
  id uuid primary key default gen_random_uuid(),
  article_id uuid not null references kb_articles (id) on delete cascade,
  ordinal integer not null,
  heading text,
  body text not null,
  search_vector tsvector not null,
  embedding real[],
  embedding_model text,
  unique (article_id, ordinal)
);
create index kb_chunks_search_idx on kb_chunks using gin (search_vector);

-- Articles an AI reply was grounded in (shown to staff; as links to customers when published).
create table message_citations (
  message_id uuid not null references messages (id) on delete cascade,
  article_id uuid not null references kb_articles (id) on delete cascade,
  primary key (message_id, article_id)
);
create index message_citations_article_idx on message_citations (article_id);

alter table ai_traces add column citations jsonb not null default '[]'::jsonb;

alter table kb_articles enable row level security;
alter table kb_article_versions enable row level security;
alter table kb_chunks enable row level security;
alter table message_citations enable row level security;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') and exists (select 1 from pg_roles where rolname = 'authenticated') then
    execute 'revoke all on kb_articles, kb_article_versions, kb_chunks, message_citations from anon, authenticated';
  end if;
end;
$$;
