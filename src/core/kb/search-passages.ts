import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { tryEmbed, type Embedder } from './embedder.js';
import { fullTextPassages } from './fulltext-search.js';
import { nearestPassages, VECTOR_CANDIDATES } from './vector-index.js';

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
  /** The desk's search.language (the configuration of a locale without a stemmer of its own). */
  fallbackLanguage: string;
  /** Candidates taken from each ranking before fusion. */
  candidates?: number;
}

/** Reciprocal rank fusion constant (Cormack et al.): damps the weight of the very first ranks. */
const RRF_K = 60;

/**
 * Ranks passages for a question: language-aware, accent-blind full text over a bounded candidate set
 * (fulltext-search.ts) and, with an embedding model, cosine similarity over the passages nearest by
 * their Hamming codes plus the best full-text candidates (vector-index.ts); both fused by reciprocal rank. Without a
 * model (or when it fails) full text alone.
 */
export async function searchPassages(db: Kysely<DB>, query: PassageQuery): Promise<{ hits: PassageHit[]; mode: 'fulltext' | 'hybrid' }> {
  const q = query.q.trim().slice(0, 1000);
  if (!q) return { hits: [], mode: 'fulltext' };
  const n = query.candidates ?? Math.max(30, query.limit * 5);
  const filter = { statuses: query.includeDrafts ? ['published' as const, 'draft' as const] : ['published' as const], locale: query.locale };
  const { ranked: ftsRows, candidates } = await fullTextPassages(db, { ...filter, q, fallbackLanguage: query.fallbackLanguage, n });

  const vector = (await tryEmbed(query.embedder, [q]))?.[0];
  let vecRows: { id: string; sim: number }[] = [];
  if (vector && query.embedder) vecRows = await nearestPassages(db, query.embedder.model, vector, filter, n, { alsoScore: candidates.slice(0, VECTOR_CANDIDATES) });

  const fused = new Map<string, { score: number; rank: number | null; sim: number | null }>();
  ftsRows.forEach((r, i) => fused.set(r.id, { score: 1 / (RRF_K + i + 1), rank: Number(r.rank), sim: null }));
  vecRows.forEach((r, i) => {
    const entry = fused.get(r.id) ?? { score: 0, rank: null, sim: null };
    entry.score += 1 / (RRF_K + i + 1);
    entry.sim = Number(r.sim);
    fused.set(r.id, entry);
  });
  const ids = [...fused.keys()];
  if (ids.length === 0) return { hits: [], mode: vector ? 'hybrid' : 'fulltext' };

  // The share of the question's words (in the passage's configuration) that the passage contains.
  const details = await sql<{ id: string; article_id: string; slug: string; title: string; locale: string; status: 'draft' | 'published'; heading: string | null; body: string; coverage: number }>`
    select c.id, c.article_id, a.slug, a.title, a.locale, a.status, c.heading, c.body,
      coalesce((select count(*) from unnest(w.words) as l(w) where l.w = any (tsvector_to_array(c.search_vector)))::float
        / nullif(cardinality(w.words), 0), 0) as coverage
    from kb_chunks c join kb_articles a on a.id = c.article_id
      cross join lateral (select tsvector_to_array(to_tsvector(c.config::regconfig, nexus_fold(${q}))) as words) w
    where c.id = any(${ids}::uuid[])`.execute(db);

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
