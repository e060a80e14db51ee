/**
 * The LLM port. The pipeline talks to the model only through `LlmClient`; the OpenAI adapter
 * (openai-llm.ts) wraps the official SDK and the fake (llm.fake.ts) serves unit tests.
 */
export interface LlmMessage {
  role: 'system' | 'user' | 'assistant';
  content: string;
}

export interface LlmRequest {
  model: string;
  messages: LlmMessage[];
  /** One call's timeout; the adapter aborts and throws an LlmError of kind `timeout`. */
  timeoutMs: number;
  maxOutputTokens?: number;
}

/** The structured answer the model must return (JSON schema enforced by the provider). */
export interface LlmAnswer {
  reply: string;
  confidence: number;
  needsHuman: boolean;
  reason: string;
  /** Ids of the knowledge-base articles the reply relies on (issue 13); [] when none. */
  citations?: string[];
}

export interface LlmResult {
  answer: LlmAnswer;
  model: string;
  tokensIn: number;
  tokensOut: number;
}

export interface EmbedRequest {
  model: string;
  input: string[];
  /** Vector length to ask for (models that support shortening, like text-embedding-3-*). */
  dimensions?: number;
  timeoutMs: number;
}

export interface EmbedResult {
  /** One vector per input, in order. */
  vectors: number[][];
  model: string;
  tokens: number;
}

export interface LlmClient {
  complete(request: LlmRequest): Promise<LlmResult>;
  /** Embeddings (knowledge-base search); optional: a client without it means full-text search only. */
  embed?(request: EmbedRequest): Promise<EmbedResult>;
}

export type LlmErrorKind =
  | 'rate_limited'
  | 'insufficient_quota'
  | 'timeout'
  | 'server'
  | 'connection'
  | 'bad_request'
  | 'auth'
  | 'invalid_output';

/** Every failure of a model call, classified so the retry policy can decide. */
export class LlmError extends Error {
  constructor(
    readonly kind: LlmErrorKind,
    message: string,
    readonly options: { status?: number; retryAfterSeconds?: number; cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'LlmError';
  }

  get retryAfterSeconds(): number | undefined {
    return this.options.retryAfterSeconds;
  }

  /** Quota, auth and bad requests never get better by trying again. */
  get isRetryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'timeout' || this.kind === 'server' || this.kind === 'connection' || this.kind === 'invalid_output';
  }
}

/** The JSON schema sent as `response_format` (strict: every field required, nothing else). */
export const ANSWER_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['reply', 'confidence', 'needsHuman', 'reason', 'citations'],
  properties: {
    reply: { type: 'string', description: 'The reply to the customer, plain text.' },
    confidence: { type: 'number', description: 'How sure you are the reply fully and correctly answers, 0 to 1.' },
    needsHuman: { type: 'boolean', description: 'True when a person must handle this ticket.' },
    reason: { type: 'string', description: 'Why a human is needed, or "none".' },
    citations: { type: 'array', items: { type: 'string' }, description: 'Ids of the reference articles the reply is based on; [] when none.' },
  },
} as const;

/** Parses and checks the model's JSON; anything malformed is an `invalid_output` error. */
export function parseAnswer(content: string | null | undefined): LlmAnswer {
  let value: unknown;
  try {
    value = JSON.parse(content ?? '');
  } catch (error) {
    throw new LlmError('invalid_output', 'The model did not return JSON', { cause: error });
  }
  const v = value as Partial<LlmAnswer> | null;
  if (
    !v ||
    typeof v.reply !== 'string' ||
    typeof v.confidence !== 'number' ||
    !Number.isFinite(v.confidence) ||
    typeof v.needsHuman !== 'boolean' ||
    typeof v.reason !== 'string'
  ) {
    throw new LlmError('invalid_output', 'The model returned JSON without reply, confidence, needsHuman and reason');
  }
  const answer: LlmAnswer = { reply: v.reply, confidence: Math.min(1, Math.max(0, v.confidence)), needsHuman: v.needsHuman, reason: v.reason };
  if (Array.isArray(v.citations)) answer.citations = v.citations.filter((c): c is string => typeof c === 'string').slice(0, 10);
  return answer;
}
