/**
 * The LLM port. The pipeline talks to the model only through `LlmClient`; the OpenAI adapter
 * (openai-llm.ts) wraps the official SDK and the fake (fake-llm.ts) serves unit tests.
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
}

export interface LlmResult {
  answer: LlmAnswer;
  model: string;
  tokensIn: number;
  tokensOut: number;
}

export interface LlmClient {
  complete(request: LlmRequest): Promise<LlmResult>;
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
  required: ['reply', 'confidence', 'needsHuman', 'reason'],
  properties: {
    reply: { type: 'string', description: 'The reply to the customer, plain text.' },
    confidence: { type: 'number', description: 'How sure you are the reply fully and correctly answers, 0 to 1.' },
    needsHuman: { type: 'boolean', description: 'True when a person must handle this ticket.' },
    reason: { type: 'string', description: 'Why a human is needed, or "none".' },
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
  return { reply: v.reply, confidence: Math.min(1, Math.max(0, v.confidence)), needsHuman: v.needsHuman, reason: v.reason };
}
