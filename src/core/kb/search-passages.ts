import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { tryEmbed, type Embedder } from './embedder.js';
import { nearestPassages } from './vector-index.js';

export interface PassageHit {
  chunkId: string;
  articleId: string;
  slug: string;
  title: string;
  locale: string;
  status: 'draft' | 'published';
  heading: string | null;
  body: string;
  /** Reciprocal-rank-fusion score of the full-text and vector rankings (relative; higher is better). */
  score: number;
  /**
   * How well the passage matches, 0–1, comparable across queries (what thresholds use): the larger of
   * the share of the question's words found in the passage and the cosine similarity of the vectors.
   */
  match: number;
  fullTextRank: number | null;
  similarity: number | null;
}

export interface PassageQuery {
  q: string;
  locale?: string;
  includeDrafts: boolean;
  limit: number;
  embedder: Embedder | null;
  /** Candidates taken from each ranking before fusion. */
  candidates?: number;
}

/** Reciprocal rank fusion constant (Cormack et al.): damps the weight of the very first ranks. */
const RRF_K = 60;

/**
 * Ranks passages for a question: language-aware full text (the question parsed with every article
 * language's configuration, words OR-ed, ranked with title/heading weight) and, with an embedding
 * model, cosine similarity over the stored vectors; both fused by reciprocal rank. Without a model
 * (or when it fails) full text alone.
 */
export async function searchPassages(db: Kysely<DB>, query: PassageQuery): Promise<{ hits: PassageHit[]; mode: 'fulltext' | 'hybrid' }> {
  const q = query.q.trim().slice(0, 1000);
  if (!q) return { hits: [], mode: 'fulltext' };
  const n = query.candidates ?? Math.max(30, query.limit * 5);
  const statuses: ('published' | 'draft')[] = query.includeDrafts ? ['published', 'draft'] : ['published'];
  const locales = query.locale
    ? [query.locale]
    : (await db.selectFrom('kb_articles').select('locale').distinct().where('status', 'in', statuses).execute()).map((r) => r.locale);
  if (locales.length === 0) return { hits: [], mode: 'fulltext' };

  const ors = locales.map((l) => sql`replace(plainto_tsquery(kb_regconfig(${l}), ${q})::text, ' & ', ' | ')`);
  const tsquery = sql`nullif(array_to_string(array_remove(array[${sql.join(ors)}], ''), ' | '), '')::tsquery`;
  const ftsRows = await sql<{ id: string; rank: number }>`
    with query as (select ${tsquery} as tsq)
    select c.id, ts_rank(c.search_vector, query.tsq) as rank
    from query, kb_chunks c join kb_articles a on a.id = c.article_id
    where query.tsq is not null and c.search_vector @@ query.tsq and a.status in (${sql.join(statuses)})
      ${query.locale ? sql`and a.locale = ${query.locale}` : sql``}
    order by rank desc, c.id
    limit ${n}`.execute(db);

  const vector = (await tryEmbed(query.embedder, [q]))?.[0];
  let vecRows: { id: string; sim: number }[] = [];
  if (vector && query.embedder) vecRows = await nearestPassages(db, query.embedder.model, vector, { statuses, locale: query.locale }, n);

  const fused = new Map<string, { score: number; rank: number | null; sim: number | null }>();
  ftsRows.rows.forEach((r, i) => fused.set(r.id, { score: 1 / (RRF_K + i + 1), rank: Number(r.rank), sim: null }));
  vecRows.forEach((r, i) => {
    const entry = fused.get(r.id) ?? { score: 0, rank: null, sim: null };
    entry.score += 1 / (RRF_K + i + 1);
    entry.sim = Number(r.sim);
    fused.set(r.id, entry);
  });
  const ids = [...fused.keys()];
  if (ids.length === 0) return { hits: [], mode: vector ? 'hybrid' : 'fulltext' };

  // The share of the question's words (in the passage's language) that the passage contains.
  const details = await sql<{ id: string; article_id: string; slug: string; title: string; locale: string; status: 'draft' | 'published'; heading: string | null; body: string; coverage: number }>`
    select c.id, c.article_id, a.slug, a.title, a.locale, a.status, c.heading, c.body,
      coalesce((select count(*) from unnest(tsvector_to_array(to_tsvector(kb_regconfig(a.locale), ${q}))) as l(w)
                where l.w = any (tsvector_to_array(c.search_vector)))::float
        / nullif(cardinality(tsvector_to_array(to_tsvector(kb_regconfig(a.locale), ${q}))), 0), 0) as coverage
    from kb_chunks c join kb_articles a on a.id = c.article_id
    where c.id in (${sql.join(ids)})`.execute(db);

  const hits = details.rows.map((d) => {
    const f = fused.get(d.id)!;
    return {
      chunkId: d.id,
      articleId: d.article_id,
      slug: d.slug,
      title: d.title,
      locale: d.locale,
      status: d.status,
      heading: d.heading,
      body: d.body,
      score: f.score,
      match: Math.max(Number(d.coverage), f.sim ?? 0),
      fullTextRank: f.rank,
      similarity: f.sim,
    };
  });
  hits.sort((a, b) => b.score - a.score || b.match - a.match || a.chunkId.localeCompare(b.chunkId));
  return { hits, mode: vector ? 'hybrid' : 'fulltext' };
}
