import { sql, type Kysely, type RawBuilder } from 'kysely';
import { ONE_SHOT } from '../db/prepared-client.js';
import type { DB } from '../db/schema.js';

/**
 * Most passages a full-text search ranks. Ranking every passage that shares one common word with the
 * question read thousands of search documents at 10,000 articles (seconds on PGlite); the candidates
 * are chosen by how rare the question's words are instead, and only they are ranked.
 */
export const RANK_CANDIDATES = 500;

/** Words of a question that take part (a pasted page is not a question). */
const MAX_TERMS = 32;

export interface PassageFilter {
  statuses: ('published' | 'draft')[];
  locale?: string;
}

export interface FullTextQuery extends PassageFilter {
  q: string;
  /** The desk's search.language: the configuration of a locale without a stemmer of its own. */
  fallbackLanguage: string;
  /** Passages returned, best first. */
  n: number;
}

/** A lexeme as a tsquery operand: quoted, so it is taken as it is (no parser, no dictionary). */
export const quoteLexeme = (lexeme: string): string => `'${lexeme.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

export const filterSql = (filter: PassageFilter, alias: string): RawBuilder<unknown> =>
  sql`${sql.ref(`${alias}.status`)} in (${sql.join(filter.statuses)}) ${filter.locale ? sql`and ${sql.ref(`${alias}.locale`)} = ${filter.locale}` : sql``}`;

/**
 * The question's words as lexemes, once for every text-search configuration the passages were indexed
 * with (the configurations in use are walked on their index: one probe each); then each lexeme with the
 * number of passages it matches, counted up to `cap` on the GIN index (one statement, the lexemes as
 * constants so that each count is planned for its own word).
 */
async function questionTerms(db: Kysely<DB>, query: FullTextQuery, cap: number): Promise<{ lexeme: string; n: number }[]> {
  const configs = query.locale
    ? sql`select kb_locale_config(${query.locale}, ${query.fallbackLanguage}) as config`
    : sql`with recursive walk(config) as (
            select min(config) from kb_chunks
            union all
            select (select min(c.config) from kb_chunks c where c.config > walk.config) from walk where walk.config is not null
          ) select config from walk where config is not null`;
  const { rows: lexemes } = await sql<{ lexeme: string }>`
    with configs as (${configs})
    select distinct l.lexeme
      from configs, unnest(tsvector_to_array(to_tsvector(configs.config::regconfig, nexus_fold(${query.q})))) as l(lexeme)
     order by l.lexeme
     limit ${MAX_TERMS}`.execute(db);
  if (lexemes.length === 0) return [];
  const counts = lexemes.map(
    ({ lexeme }) => sql`select ${lexeme}::text as lexeme, (select count(*) from (select 1 from kb_chunks c where c.search_vector @@ ${quoteLexeme(lexeme)}::tsquery and ${filterSql(query, 'c')} limit ${sql.lit(cap)}) m) as n`,
  );
  const { rows } = await sql<{ lexeme: string; n: string }>`${sql.raw(ONE_SHOT)} ${sql.join(counts, sql` union all `)}`.execute(db);
  return rows.map((r) => ({ lexeme: r.lexeme, n: Number(r.n) }));
}

/**
 * Which words choose the candidates: the rarest first, as long as together they match at most
 * RANK_CANDIDATES passages (at least the rarest). When every word is common, passages with all of them.
 */
export function candidateQuery(terms: { lexeme: string; n: number }[], budget = RANK_CANDIDATES): { tsquery: string; conjunctive: boolean } | null {
  const found = terms.filter((t) => t.n > 0).sort((a, b) => a.n - b.n || a.lexeme.localeCompare(b.lexeme));
  if (found.length === 0) return null;
  if (found[0]!.n > budget) return { tsquery: found.map((t) => quoteLexeme(t.lexeme)).join(' & '), conjunctive: true };
  const chosen: string[] = [];
  let total = 0;
  for (const t of found) {
    if (chosen.length > 0 && total + t.n > budget) break;
    chosen.push(quoteLexeme(t.lexeme));
    total += t.n;
  }
  return { tsquery: chosen.join(' | '), conjunctive: false };
}

/**
 * Full-text ranking of passages: language-aware (the question parsed in every configuration in use),
 * accent-blind (nexus_fold on both sides), words OR-ed and ranked with ts_rank (title and heading weigh
 * most) over a bounded candidate set (see candidateQuery). Returns the best `n` and every candidate
 * (what hybrid search also scores by vector).
 */
export async function fullTextPassages(db: Kysely<DB>, query: FullTextQuery): Promise<{ ranked: { id: string; rank: number }[]; candidates: string[] }> {
  const terms = await questionTerms(db, query, RANK_CANDIDATES + 1);
  const chosen = candidateQuery(terms);
  if (!chosen) return { ranked: [], candidates: [] };
  const all = terms.filter((t) => t.n > 0).map((t) => quoteLexeme(t.lexeme)).join(' | ');
  const rank = async (tsquery: string) =>
    (
      await sql<{ id: string; rank: number }>`
        select ${sql.raw(ONE_SHOT)} c.id, ts_rank(c.search_vector, ${all}::tsquery) as rank
          from (select k.id, k.search_vector from kb_chunks k
                 where k.search_vector @@ ${tsquery}::tsquery and ${filterSql(query, 'k')}
                 limit ${RANK_CANDIDATES}) c
         order by rank desc, c.id`.execute(db)
    ).rows.map((r) => ({ id: r.id, rank: Number(r.rank) }));
  const ranked = await rank(chosen.tsquery);
  // Every word common and no passage has them all: the rarest word's passages.
  if (chosen.conjunctive && ranked.length < query.n) {
    const rarest = terms.filter((t) => t.n > 0).sort((a, b) => a.n - b.n || a.lexeme.localeCompare(b.lexeme))[0]!;
    const seen = new Set(ranked.map((r) => r.id));
    ranked.push(...(await rank(quoteLexeme(rarest.lexeme))).filter((r) => !seen.has(r.id)));
  }
  return { ranked: ranked.slice(0, query.n), candidates: ranked.map((r) => r.id) };
}
