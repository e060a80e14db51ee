import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';

interface Entry {
  id: string;
  status: string;
  locale: string;
  vector: Float32Array;
}

interface Loaded {
  generation: string;
  entries: Entry[];
}

// Per database handle and model: the passage vectors, reloaded when the knowledge base changes.
const caches = new WeakMap<Kysely<DB>, Map<string, Promise<Loaded>>>();

/** Changes whenever an article is created, edited, published, unpublished, imported or removed. */
async function generationOf(db: Kysely<DB>): Promise<string> {
  const row = await sql<{ n: string; at: Date | null; v: string | null }>`select count(*) as n, max(updated_at) as at, sum(version) as v from kb_articles`.execute(db);
  const r = row.rows[0]!;
  return `${r.n}:${r.at ? new Date(r.at).toISOString() : '-'}:${r.v ?? 0}`;
}

async function load(db: Kysely<DB>, model: string, generation: string): Promise<Loaded> {
  const rows = await db
    .selectFrom('kb_chunks')
    .innerJoin('kb_articles', 'kb_articles.id', 'kb_chunks.article_id')
    .select(['kb_chunks.id', 'kb_chunks.embedding', 'kb_articles.status', 'kb_articles.locale'])
    .where('kb_chunks.embedding_model', '=', model)
    .execute();
  return { generation, entries: rows.filter((r) => r.embedding).map((r) => ({ id: r.id, status: r.status, locale: r.locale, vector: Float32Array.from(r.embedding!) })) };
}

/**
 * The `n` passages most similar to `query` (cosine: stored and query vectors are unit length). Without
 * pgvector on the server, an exact scan in SQL over real[] costs seconds at 20,000 passages; this keeps
 * the vectors of one model in memory (about 1 KB a passage at 256 dimensions), reloads them when the
 * knowledge base changes, and scans them exactly in a few milliseconds.
 */
export async function nearestPassages(db: Kysely<DB>, model: string, query: number[], filter: { statuses: string[]; locale?: string }, n: number): Promise<{ id: string; sim: number }[]> {
  const generation = await generationOf(db);
  let byModel = caches.get(db);
  if (!byModel) caches.set(db, (byModel = new Map()));
  let loaded = byModel.get(model);
  if (!loaded || (await loaded).generation !== generation) {
    loaded = load(db, model, generation);
    byModel.set(model, loaded);
    loaded.catch(() => byModel.delete(model));
  }
  const { entries } = await loaded;
  const q = Float32Array.from(query);
  const best: { id: string; sim: number }[] = [];
  for (const e of entries) {
    if (!filter.statuses.includes(e.status) || (filter.locale && e.locale !== filter.locale) || e.vector.length !== q.length) continue;
    let sim = 0;
    for (let i = 0; i < q.length; i++) sim += q[i]! * e.vector[i]!;
    if (best.length < n || sim > best[best.length - 1]!.sim) {
      best.push({ id: e.id, sim });
      best.sort((a, b) => b.sim - a.sim || a.id.localeCompare(b.id));
      if (best.length > n) best.pop();
    }
  }
  return best;
}
