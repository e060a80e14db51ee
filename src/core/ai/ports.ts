import type { InboundVerdict } from './filters.js';
import type { Embedder } from '../kb/embedder.js';
import type { LlmClient } from './llm.js';

/**
 * What the AI pipeline takes from the edge (all optional). Without `llm`, the OpenAI adapter is built
 * from config when an API key is set. Tests inject a fake model, a sleep that does not wait, a fixed
 * random source and, for the injection eval, a known canary and another inbound classifier.
 */
export interface AiPorts {
  llm?: LlmClient;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** The secret marker planted in the system prompt; derived from the secret key by default. */
  canary?: string;
  /** Replaces the inbound classifier (the injection eval turns it off to test the output guard alone). */
  classifyInbound?: (text: string) => InboundVerdict;
  /** issue 13: the knowledge base's embedding model; null forces full-text search alone. */
  embedder?: Embedder | null;
}
