import type { EmbedRequest, EmbedResult } from '../ai/llm.js';
import type { Embedder } from './embedder.js';

/** FNV-1a, 32 bits: a stable hash for feature buckets. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const words = (text: string): string[] =>
  text
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1);

/**
 * A deterministic stand-in for an embedding model (evals, benchmarks, the fake OpenAI server): words
 * and character 4-grams of each word hashed into a fixed-length vector (signed buckets), L2-normalised.
 * No meaning, but morphology-tolerant ("refunds" ≈ "refund"), which is what lets it differ from
 * full-text ranking.
 */
export function hashEmbedding(text: string, dimensions = 256): number[] {
  const v = new Array<number>(dimensions).fill(0);
  const add = (feature: string, weight: number) => {
    const h = fnv1a(feature);
    v[h % dimensions]! += h & 0x80000000 ? -weight : weight;
  };
  for (const w of words(text)) {
    add(`w:${w}`, 1);
    const padded = `^${w}$`;
    for (let i = 0; i + 4 <= padded.length; i++) add(`g:${padded.slice(i, i + 4)}`, 0.5);
  }
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
}

export function createHashEmbedder(dimensions = 256, model = 'hash-embedding-v1'): Embedder {
  return { model, dimensions, embed: async (texts) => texts.map((t) => hashEmbedding(t, dimensions)) };
}

/** The LLM port's `embed` answered by the hash embedding (FakeLlm, the fake OpenAI server). */
export async function hashEmbed(request: EmbedRequest): Promise<EmbedResult> {
  const vectors = request.input.map((t) => hashEmbedding(t, request.dimensions ?? 256));
  return { vectors, model: request.model, tokens: request.input.reduce((n, t) => n + Math.ceil(t.length / 4), 0) };
}
