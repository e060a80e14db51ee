import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { filterSql, type PassageFilter } from './fulltext-search.js';
import { bytesVector, dot, vectorCode } from './vector-codec.js';

/**
 * Passages nearest the question by the Hamming distance of their codes (vector-codec.ts) that get their
 * exact cosine computed, besides the full-text candidates (`npm run bench -- kb` reports how many of
 * the exact nearest passages this finds).
 */
export const VECTOR_CANDIDATES = 200;

/**
 * The `n` passages most similar to `query` (cosine: stored and query vectors are unit length), with no
 * vector index: every passage of the model is ranked by the Hamming distance of its code (a scan of a
 * narrow table, kb_chunk_vectors), and the exact cosine is computed for the nearest
 * VECTOR_CANDIDATES of them plus `alsoScore` (the full-text candidates), their vectors read in one
 * query. Nothing is held in memory between searches.
 */
export async function nearestPassages(
  db: Kysely<DB>,
  model: string,
  query: number[],
  filter: PassageFilter,
  n: number,
  options: { alsoScore?: string[]; candidates?: number } = {},
): Promise<{ id: string; sim: number }[]> {
  const bits = vectorCode(query);
  const { rows: near } = await sql<{ chunk_id: string }>`
    select v.chunk_id from kb_chunk_vectors v
     where v.model = ${model} and length(v.bits) = ${bits.length} and ${filterSql(filter, 'v')}
     order by bit_count(v.bits # ${bits}::varbit), v.chunk_id
     limit ${options.candidates ?? VECTOR_CANDIDATES}`.execute(db);
  const ids = [...new Set([...near.map((r) => r.chunk_id), ...(options.alsoScore ?? [])])];
  if (ids.length === 0) return [];
  const { rows } = await sql<{ id: string; embedding: Buffer }>`
    select c.id, c.embedding from kb_chunks c
     where c.id = any(${ids}::uuid[]) and c.embedding_model = ${model} and ${filterSql(filter, 'c')}`.execute(db);
  const q = Float32Array.from(query);
  const scored: { id: string; sim: number }[] = [];
  for (const row of rows) {
    const vector = bytesVector(row.embedding);
    const sim = vector && dot(q, vector);
    if (sim !== null && sim !== undefined) scored.push({ id: row.id, sim });
  }
  return scored.sort((a, b) => b.sim - a.sim || a.id.localeCompare(b.id)).slice(0, n);
}
