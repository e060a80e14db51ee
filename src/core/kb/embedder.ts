import type { Deps } from '../deps.js';
import { llmOf } from '../ai/runtime.js';

/** What knowledge-base search needs from an embedding model: one unit-length vector per text. */
export interface Embedder {
  /** Recorded with each stored vector: vectors of another model are never compared. */
  model: string;
  dimensions: number;
  embed(texts: string[]): Promise<number[][]>;
}

const EMBED_TIMEOUT_MS = 15_000;
const BATCH = 64;

const unit = (v: number[]): number[] => {
  const norm = Math.hypot(...v) || 1;
  return v.map((x) => x / norm);
};

/**
 * The configured embedder, or null (full-text search alone): an injected one (tests, evals), else the
 * model client's `embed` when an API key is set and `kb.embeddingModel` is not `none`.
 */
export async function embedderOf(deps: Deps): Promise<Embedder | null> {
  if (deps.ai?.embedder !== undefined) return deps.ai.embedder;
  const { embeddingModel: model, embeddingDimensions: dimensions } = deps.config.kb;
  if (model === 'none') return null;
  if (!deps.ai?.llm && !deps.config.ai.apiKey) return null;
  const llm = deps.ai?.llm ?? (await llmOf(deps, deps.config.kb.embeddingBaseUrl));
  const embed = llm.embed?.bind(llm);
  if (!embed) return null;
  return {
    model: `${model}@${dimensions}`,
    dimensions,
    async embed(texts) {
      const out: number[][] = [];
      for (let i = 0; i < texts.length; i += BATCH) {
        const result = await embed({ model, input: texts.slice(i, i + BATCH), dimensions, timeoutMs: EMBED_TIMEOUT_MS });
        out.push(...result.vectors.map(unit));
      }
      return out;
    },
  };
}

/** Embeds, or null when there is no embedder or the call fails: search and writes never break on it. */
export async function tryEmbed(embedder: Embedder | null, texts: string[]): Promise<number[][] | null> {
  if (!embedder || texts.length === 0) return null;
  try {
    const vectors = await embedder.embed(texts);
    return vectors.length === texts.length && vectors.every((v) => v.length === embedder.dimensions) ? vectors : null;
  } catch {
    return null;
  }
}
