import { sql, type Kysely, type Transaction } from 'kysely';
import type { SearchLanguage } from '../config/schema.js';
import { ONE_SHOT } from '../db/prepared-client.js';
import type { DB } from '../db/schema.js';

/**
 * How many of the most recent matching tickets a relevance search ranks. Ranking every match of a word
 * found in half of a million threads takes seconds; the newest matches are ranked exactly instead.
 */
export const RELEVANCE_CANDIDATES = 500;

/** ts_rank weights {D, C, B, A}: visible messages and internal notes count alike, the subject ten times more. */
const WEIGHTS = sql.raw(`'{0.1, 0.1, 0.4, 1.0}'::real[]`);

export interface SearchScope {
  q: string;
  language: SearchLanguage;
  /** Staff who may read internal notes also match them; customers never do. */
  includeInternal: boolean;
}

/** The parts of a search over `ticket_search as s` (one stored document per ticket, kept by triggers). */
export function searchTerms(scope: SearchScope) {
  const query = sql`websearch_to_tsquery(${scope.language}::regconfig, nexus_fold(${scope.q}))`;
  // Internal notes carry weight C in the document; a customer's search sees only the subject (A) and the thread (D).
  const document = scope.includeInternal ? sql`s.document` : sql`ts_filter(s.document, '{a,d}')`;
  return {
    query,
    // ONE_SHOT: planned with the words every time (see prepared-client.ts): a rare word wants the GIN
    // index, a common one a walk of the newest tickets, and one cached plan cannot serve both.
    matches: sql<boolean>`${sql.raw(ONE_SHOT)} ${document} @@ ${query}`,
    rank: sql<number>`ts_rank(${WEIGHTS}, ${document}, ${query})`,
  };
}

/**
 * How many of the newest documents a relevance search without filters reads in creation order before it
 * turns to the GIN index for older matches (see `relevanceCandidates`).
 */
export const RELEVANCE_WALK = 10_000;

// Trashed tickets' documents are left out by a hashed list of the trash (small: it is purged), a filter
// that keeps either plan — a walk of ticket_search_recent_idx or the GIN index — as it is.
const NOT_TRASHED = sql<boolean>`s.ticket_id not in (select id from tickets where deleted_at is not null)`;

/**
 * The RELEVANCE_CANDIDATES newest matching documents of a search without filters (the set a relevance
 * search ranks), chosen from ticket_search alone before any ticket is read — joined to the tickets first,
 * a rare word's every match (4,000 at a million tickets) was read twice, as the planner does not sort
 * below a join (issue 14) — and at a cost bounded whatever the words: first the newest RELEVANCE_WALK documents in
 * creation order (ticket_search_recent_idx), enough for any word in more than one thread in 20; only
 * when they hold fewer matches, the older matches through the GIN index — a rarer word's, so few. Left
 * to the planner, words found together ("never arrives", in 5.5 % of the tickets where it expected
 * 0.3 %) were fetched all through the GIN index and sorted: 55,000 documents, a second at a million.
 */
export function relevanceCandidates(search: ReturnType<typeof searchTerms>, sizes = { candidates: RELEVANCE_CANDIDATES, walk: RELEVANCE_WALK }) {
  const n = sizes.candidates;
  return sql<{ ticket_id: string; created_at: Date; number: number; document: string }>`(
    with walk as materialized (
      select s.ticket_id, s.created_at, s.number, s.document
        from (select s.ticket_id, s.created_at, s.number, s.document from ticket_search s order by s.created_at desc, s.number desc limit ${sizes.walk}) s
       where ${search.matches} and ${NOT_TRASHED}
       order by s.created_at desc, s.number desc limit ${n})
    select c.* from (
      select * from walk
      union all
      (select s.ticket_id, s.created_at, s.number, s.document from ticket_search s
        where (select count(*) from walk) < ${n} and ${search.matches} and ${NOT_TRASHED}
          and (s.created_at, s.number) < (select e.created_at, e.number from ticket_search e order by e.created_at desc, e.number desc offset ${sizes.walk - 1} limit 1)
        order by s.created_at desc, s.number desc limit ${n})) c
     order by c.created_at desc, c.number desc limit ${n})`;
}

/**
 * Turns the search index's GIN pending list on (for a bulk rewrite), or off after merging it: the index
 * keeps none otherwise (migration 20261202160100). Skipped for a role that does not own the index.
 */
export async function setSearchPendingList(db: Kysely<DB> | Transaction<DB>, to: 'on' | 'off'): Promise<void> {
  await sql.raw(`do $$ begin
  alter index ticket_search_document_idx set (fastupdate = ${to});
  ${to === 'off' ? "perform gin_clean_pending_list('ticket_search_document_idx'::regclass);" : ''}
exception when insufficient_privilege then null;
end $$`).execute(db);
}

/**
 * Makes the stored documents follow the configured language: when `search.language` changed, records it
 * and rebuilds every document in one transaction (once; at a million tickets that takes minutes).
 * Returns whether it rebuilt them. A ticket search reads `search_settings.language` in its own statement
 * (see `searchLanguageColumn`) and calls this only when that differs from the setting, or it found nothing.
 */
export async function ensureSearchLanguage(db: Kysely<DB>, language: SearchLanguage): Promise<boolean> {
  const { rows } = await sql<{ language: string }>`select language from search_settings`.execute(db);
  if (rows[0]?.language === language) return false;
  return db.transaction().execute(async (trx) => {
    const changed = await sql`
      insert into search_settings (id, language) values (true, ${language})
      on conflict (id) do update set language = excluded.language where search_settings.language <> excluded.language`.execute(trx);
    if (Number(changed.numAffectedRows ?? 0) === 0) return false;
    // Every document is rewritten: through GIN's pending list, merged once at the end, which took 38 s for
    // 100,000 documents on PGlite against 94 s straight into the index (it keeps no list otherwise:
    // migration 20261202160100). A role that does not own the index rebuilds the slow way.
    await setSearchPendingList(trx, 'on');
    await sql`update ticket_search s set document = ticket_search_document(s.ticket_id)`.execute(trx);
    await setSearchPendingList(trx, 'off');
    return true;
  });
}

/**
 * The language the stored documents were built in, as a column of the search's own statement: the
 * check costs no round trip, and a change made by another process is seen on the very next search.
 */
export const searchLanguageColumn = sql<string>`(select language from search_settings)`;

// Highlight markers for ts_headline: control characters, removed from the text first, so they can only
// come from ts_headline itself.
const START = '\u0001';
const STOP = '\u0002';
/** How a matched word is marked in a snippet. */
export const SNIPPET_MARK = { start: '**', stop: '**' } as const;
const LIGATURES = new Set(['Æ', 'æ', 'Œ', 'œ', 'ß']);
const SNIPPET_SOURCE_CHARS = 4000;

/** The columns `searchSnippet` adds to each row; `snippetOf` turns them into the snippet. */
export interface SnippetColumns {
  snippet_source: string | null;
  snippet_folded: string | null;
  snippet_headline: string | null;
}

/**
 * A lateral subquery giving the snippet columns of the ticket `t` of the surrounding query (its `id` and
 * `subject`): a short excerpt of its subject and thread with the matched words marked (`**refund**`).
 * Joined to the page's rows only, in the page's own statement, so it costs ts_headline per shown
 * ticket and no extra round trip. Matching ignores accents (nexus_fold), the excerpt keeps them.
 */
export function searchSnippet(scope: SearchScope) {
  const { query } = searchTerms(scope);
  const visible = scope.includeInternal ? sql`` : sql`and m.kind <> 'internal' and m.audience <> 'staff'`;
  // The excerpt comes from the subject and the thread's first SNIPPET_SOURCE_CHARS characters: one parse
  // per ticket (ts_headline), not one per message; a match only further down a long thread gets no snippet.
  // `offset 0` keeps the source a subquery of its own: flattened, its thread lookup ran once per use (three times).
  return sql<SnippetColumns>`lateral (
    select src.source as snippet_source, f.folded as snippet_folded,
           ts_headline(${scope.language}::regconfig, f.folded, ${query}, ${`StartSel=${START}, StopSel=${STOP}, MaxWords=30, MinWords=12, ShortWord=2`}) as snippet_headline
      from (select regexp_replace(left(t.subject || coalesce(E'\n' || (
                     select string_agg(x.body, E'\n' order by x.created_at, x.id)
                       from (select left(m.body, ${SNIPPET_SOURCE_CHARS}) as body, m.created_at, m.id from messages m
                              where m.ticket_id = t.id ${visible} order by m.created_at, m.id limit 20) x), ''), ${SNIPPET_SOURCE_CHARS}), E'[\\x01\\x02]', ' ', 'g') as source offset 0) src
     cross join lateral (select nexus_fold(src.source) as folded) f)`.as('sn');
}

/** The snippet of a row carrying the `searchSnippet` columns (null when nothing matched in the excerpt). */
export function snippetOf(row: SnippetColumns): string | null {
  if (row.snippet_source === null || row.snippet_folded === null || row.snippet_headline === null) return null;
  return unfold(row.snippet_source, row.snippet_folded, row.snippet_headline);
}

/**
 * ts_headline ran on the accent-folded text; puts its excerpt and marks back on the original text.
 * nexus_fold maps every character to one, except the ligatures (Æ æ Œ œ ß), which become two.
 */
export function unfold(source: string, folded: string, headline: string): string | null {
  if (!headline.includes(START)) return null;
  const plain = headline.replaceAll(START, '').replaceAll(STOP, '');
  const start = folded.indexOf(plain);
  const mark = (text: string) => text.replaceAll(START, SNIPPET_MARK.start).replaceAll(STOP, SNIPPET_MARK.stop);
  if (start < 0) return mark(headline);
  // originalAt[i]: the index in `source` of the character that folded position i came from.
  const originalAt: number[] = [];
  for (let i = 0; i < source.length; i++) {
    originalAt.push(i);
    if (LIGATURES.has(source[i]!)) originalAt.push(i);
  }
  if (originalAt.length !== folded.length) return mark(headline);
  let out = '';
  let position = start;
  let lastOriginal = -1;
  for (const ch of headline) {
    if (ch === START || ch === STOP) {
      out += ch === START ? SNIPPET_MARK.start : SNIPPET_MARK.stop;
      continue;
    }
    for (let k = 0; k < ch.length; k++) {
      const original = originalAt[position++]!;
      if (original !== lastOriginal) out += source[original];
      lastOriginal = original;
    }
  }
  return out;
}
