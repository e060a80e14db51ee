-- Knowledge-base search at 10,000 articles (issue 13, acceptance 5).
--
-- Full text: each passage keeps the text-search configuration it was indexed with (`config`) and a
-- search document built by kb_chunk_document(): accent-folded with nexus_fold() like ticket search,
-- title and heading weight A, tags B, body C. The article's status and locale are copied onto its
-- passages (kept by a trigger) so that a search filters and bounds its candidates on one table.
--
-- Vectors: no pgvector on the server here, and PGlite's would need its own package, so both databases
-- keep one schema. A passage's vector is stored compactly (float4, big-endian, as float4send() writes
-- it) and a two-bit-a-component code of it goes to a narrow table, kb_chunk_vectors: a search ranks
-- every passage by the Hamming distance of the codes (a scan of ~100 bytes a passage) and computes the
-- exact cosine for a bounded set of candidates only (quantisation with exact re-scoring).

-- The configuration of a locale ('en', 'pt-BR' → english, portuguese), or `fallback` (the desk's
-- search.language) for a language Postgres has no stemmer for.
create function kb_locale_config(locale text, fallback text) returns text
language sql immutable parallel safe
as $$
  select coalesce((case lower(split_part(locale, '-', 1))
    when 'en' then 'english' when 'es' then 'spanish' when 'fr' then 'french' when 'de' then 'german'
    when 'pt' then 'portuguese' when 'it' then 'italian' when 'nl' then 'dutch' when 'sv' then 'swedish'
    when 'da' then 'danish' when 'no' then 'norwegian' when 'nb' then 'norwegian' when 'nn' then 'norwegian'
    when 'fi' then 'finnish' when 'ru' then 'russian' when 'ar' then 'arabic' when 'el' then 'greek'
    when 'hu' then 'hungarian' when 'id' then 'indonesian' when 'ga' then 'irish' when 'lt' then 'lithuanian'
    when 'ne' then 'nepali' when 'ro' then 'romanian' when 'ta' then 'tamil' when 'tr' then 'turkish'
    end), fallback, 'simple')
$$;

-- The search document of one passage.
create function kb_chunk_document(config text, title text, heading text, tags text[], body text) returns tsvector
language sql immutable parallel safe
as $$
  select setweight(to_tsvector(config::regconfig, nexus_fold(title || ' ' || coalesce(heading, ''))), 'A')
      || setweight(to_tsvector(config::regconfig, nexus_fold(array_to_string(tags, ' '))), 'B')
      || setweight(to_tsvector(config::regconfig, nexus_fold(body)), 'C')
$$;

-- One lexeme as a tsquery, taken as it is (quoted: no parser, no dictionary).
create function kb_lexeme_query(lexeme text) returns tsquery
language sql immutable strict parallel safe
as $$ select ('''' || replace(replace(lexeme, '\', '\\'), '''', '''''') || '''')::tsquery $$;

-- A real[] vector as float4 bytes (big-endian), for the rows stored before this migration.
create function kb_vector_bytes(v real[]) returns bytea
language sql immutable strict parallel safe
as $$ select coalesce(string_agg(float4send(x), ''::bytea order by i), ''::bytea) from unnest(v) with ordinality as u(x, i) $$;

alter table kb_chunks add column status text, add column locale text, add column config text;
update kb_chunks c
   set status = a.status, locale = a.locale,
       config = kb_locale_config(a.locale, (select language from search_settings))
  from kb_articles a where a.id = c.article_id;
update kb_chunks c
   set search_vector = kb_chunk_document(c.config, a.title, c.heading, a.tags, c.body)
  from kb_articles a where a.id = c.article_id;
alter table kb_chunks alter column status set not null, alter column locale set not null, alter column config set not null;
create table kb_chunk_vectors (
  chunk_id uuid primary key references kb_chunks (id) on delete cascade,
  status text not null,
  locale text not null,
  model text not null,
  -- Two bits a component (vector-codec.ts, vectorCode), compared by Hamming distance.
  bits bit varying not null
);
alter table kb_chunk_vectors enable row level security;

-- The code of a real[] vector (vector-codec.ts, vectorCode: two bits a component, t = 0.8/√dimensions).
create function kb_vector_code(v real[]) returns bit varying
language sql immutable strict parallel safe
as $$
  select coalesce(string_agg(case when x > 0.8 / sqrt(cardinality(v)) then '11' when x < -0.8 / sqrt(cardinality(v)) then '00' else '01' end, '' order by i), '')::varbit
    from unnest(v) with ordinality as u(x, i)
$$;

-- The codes of the vectors stored so far.
insert into kb_chunk_vectors (chunk_id, status, locale, model, bits)
select c.id, c.status, c.locale, c.embedding_model, kb_vector_code(c.embedding)
  from kb_chunks c
 where c.embedding is not null and c.embedding_model is not null and cardinality(c.embedding) > 0;

alter table kb_chunks alter column embedding type bytea using kb_vector_bytes(embedding);

-- Publishing, unpublishing or changing the locale of an article reaches its passages in the same transaction.
create function kb_article_to_chunks() returns trigger language plpgsql as $$
begin
  update kb_chunks set status = new.status, locale = new.locale where article_id = new.id and (status, locale) is distinct from (new.status, new.locale);
  update kb_chunk_vectors v set status = new.status, locale = new.locale
    from kb_chunks c where c.id = v.chunk_id and c.article_id = new.id and (v.status, v.locale) is distinct from (new.status, new.locale);
  return null;
end;
$$;
create trigger kb_article_to_chunks after update of status, locale on kb_articles for each row execute function kb_article_to_chunks();

-- No pending list on the passages' GIN index: new entries go straight into the index. With fastupdate
-- (the default) they wait in an unsorted list that every search reads through until a VACUUM flushes
-- it, and PGlite runs no autovacuum, so the list only grew. Knowledge-base writes are rare; searches are not.
alter index kb_chunks_search_idx set (fastupdate = off);
select gin_clean_pending_list('kb_chunks_search_idx'::regclass);

-- Which configurations are in use (a search parses the question with each), walked as a skip scan.
create index kb_chunks_config_idx on kb_chunks (config);

analyze kb_chunks;
analyze kb_chunk_vectors;

do $$
begin
  if exists (select 1 from pg_roles where rolname = 'anon') and exists (select 1 from pg_roles where rolname = 'authenticated') then
    execute 'revoke all on kb_chunk_vectors from anon, authenticated';
  end if;
end;
$$;
