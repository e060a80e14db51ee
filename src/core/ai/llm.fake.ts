import { hashEmbed } from '../kb/hash-embedder.fake.js';
import { LlmError, type EmbedRequest, type EmbedResult, type LlmAnswer, type LlmClient, type LlmRequest, type LlmResult } from './llm.js';

export type FakeStep = LlmAnswer | LlmError | ((request: LlmRequest) => LlmAnswer | Promise<LlmAnswer>);

/**
 * A scriptable in-memory model for unit and database tests: each call takes the next scripted step
 * (an answer, an error to throw, or a function of the request); when the script is empty it uses
 * `fallback`. Every request is recorded.
 */
export class FakeLlm implements LlmClient {
  readonly calls: LlmRequest[] = [];
  private readonly script: FakeStep[] = [];

  constructor(private fallback: FakeStep = { reply: 'Thanks for reaching out! Here is how to do that.', confidence: 0.9, needsHuman: false, reason: 'none' }) {}

  /** Queues steps for the next calls, in order. */
  enqueue(...steps: FakeStep[]): this {
    this.script.push(...steps);
    return this;
  }

  setFallback(step: FakeStep): void {
    this.fallback = step;
  }

  async complete(request: LlmRequest): Promise<LlmResult> {
    this.calls.push(request);
    const step = this.script.shift() ?? this.fallback;
    if (step instanceof LlmError) throw step;
    const answer = typeof step === 'function' ? await step(request) : step;
    const tokensIn = Math.ceil(request.messages.reduce((n, m) => n + m.content.length, 0) / 4);
    return { answer, model: request.model, tokensIn, tokensOut: Math.ceil(answer.reply.length / 4) };
  }

  /** Deterministic embeddings (hashed words and 4-grams), so knowledge-base search is testable. */
  async embed(request: EmbedRequest): Promise<EmbedResult> {
    return hashEmbed(request);
  }
}
