import type OpenAI from 'openai';
import { ANSWER_SCHEMA, LlmError, parseAnswer, type EmbedRequest, type EmbedResult, type LlmClient, type LlmRequest, type LlmResult } from './llm.js';

export interface OpenAiLlmOptions {
  apiKey: string;
  baseUrl?: string;
}

/** Seconds from `retry-after-ms` or `retry-after` (seconds or an HTTP date). */
export function retryAfterSeconds(headers: Headers | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const ms = Number(headers.get('retry-after-ms'));
  if (headers.get('retry-after-ms') !== null && Number.isFinite(ms) && ms >= 0) return ms / 1000;
  const raw = headers.get('retry-after');
  if (raw === null) return undefined;
  const seconds = Number(raw);
  if (Number.isFinite(seconds) && seconds >= 0) return seconds;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? undefined : Math.max(0, (date - now) / 1000);
}

/** Maps the SDK's errors onto the port's kinds (what the retry policy and breaker understand). */
export function classifyOpenAiError(sdk: typeof OpenAI, error: unknown): LlmError {
  if (error instanceof LlmError) return error;
  if (error instanceof sdk.APIConnectionTimeoutError) return new LlmError('timeout', 'The model call timed out', { cause: error });
  if (error instanceof sdk.APIConnectionError) return new LlmError('connection', `Cannot reach the model provider: ${error.message}`, { cause: error });
  if (error instanceof sdk.APIError) {
    const status = error.status ?? 0;
    const code = error.code ?? (error.error as { code?: string } | undefined)?.code;
    if (status === 429 && (code === 'insufficient_quota' || error.type === 'insufficient_quota')) {
      return new LlmError('insufficient_quota', 'The model provider says the account has no quota left', { status, cause: error });
    }
    if (status === 429) return new LlmError('rate_limited', 'The model provider is rate limiting', { status, retryAfterSeconds: retryAfterSeconds(error.headers), cause: error });
    if (status === 401 || status === 403) return new LlmError('auth', 'The model provider refused the API key', { status, cause: error });
    if (status === 408 || status === 409 || status >= 500) return new LlmError('server', `The model provider failed (HTTP ${status})`, { status, cause: error });
    return new LlmError('bad_request', `The model provider rejected the request (HTTP ${status})`, { status, cause: error });
  }
  return new LlmError('connection', error instanceof Error ? error.message : String(error), { cause: error });
}

/**
 * The OpenAI adapter. The SDK's own retries are off (`maxRetries: 0`): the pipeline's retry policy,
 * limits and breaker decide. Works with any OpenAI-compatible endpoint through `baseUrl`.
 */
export async function createOpenAiLlm(options: OpenAiLlmOptions): Promise<LlmClient> {
  const { default: OpenAISdk } = await import('openai');
  const client = new OpenAISdk({ apiKey: options.apiKey, baseURL: options.baseUrl, maxRetries: 0 });
  return {
    async complete(request: LlmRequest): Promise<LlmResult> {
      try {
        const completion = await client.chat.completions.create(
          {
            model: request.model,
            messages: request.messages,
            max_completion_tokens: request.maxOutputTokens,
            response_format: { type: 'json_schema', json_schema: { name: 'support_reply', strict: true, schema: ANSWER_SCHEMA } },
          },
          { timeout: request.timeoutMs },
        );
        const answer = parseAnswer(completion.choices[0]?.message?.content);
        return { answer, model: completion.model || request.model, tokensIn: completion.usage?.prompt_tokens ?? 0, tokensOut: completion.usage?.completion_tokens ?? 0 };
      } catch (error) {
        throw classifyOpenAiError(OpenAISdk, error);
      }
    },
    async embed(request: EmbedRequest): Promise<EmbedResult> {
      try {
        const response = await client.embeddings.create(
          { model: request.model, input: request.input, encoding_format: 'float', ...(request.dimensions ? { dimensions: request.dimensions } : {}) },
          { timeout: request.timeoutMs },
        );
        const vectors = [...response.data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
        if (vectors.length !== request.input.length) throw new LlmError('invalid_output', 'The embeddings response has the wrong number of vectors');
        return { vectors, model: response.model || request.model, tokens: response.usage?.prompt_tokens ?? 0 };
      } catch (error) {
        throw classifyOpenAiError(OpenAISdk, error);
      }
    },
  };
}
