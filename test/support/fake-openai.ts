import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hashEmbedding } from '../../src/core/kb/hash-embedder.fake.js';

/** One scripted reaction of the fake to a /v1/chat/completions call. */
export type FakeOpenAiStep =
  | { answer: { reply: string; confidence: number; needsHuman: boolean; reason: string; citations?: string[] }; usage?: { prompt: number; completion: number }; delayMs?: number }
  | { status: 429; retryAfter?: string; retryAfterMs?: string }
  | { status: 429; insufficientQuota: true }
  | { status: 500 | 502 | 503 }
  | { hang: true };

export interface RecordedCall {
  body: { model: string; messages: { role: string; content: string }[]; stream?: boolean; response_format?: unknown; input?: string | string[]; dimensions?: number };
  /** Which endpoint was called. */
  path?: string;
  headers: IncomingMessage['headers'];
}

/**
 * A local OpenAI-compatible server for integration tests through the official SDK: answers
 * /v1/chat/completions (JSON, or SSE when `stream: true`) from a script, one step per call, then the
 * default answer. Records every call. Listens on 127.0.0.1 on a free port; `close()` stops it.
 */
export class FakeOpenAi {
  readonly calls: RecordedCall[] = [];
  /** Calls of /v1/embeddings (issue 13), apart from the chat calls. */
  readonly embeddingCalls: RecordedCall[] = [];
  private readonly script: FakeOpenAiStep[] = [];
  private readonly hanging = new Set<ServerResponse>();
  private server?: Server;
  defaultAnswer: { reply: string; confidence: number; needsHuman: boolean; reason: string; citations?: string[] } = { reply: 'You can reset your password from the sign-in page.', confidence: 0.92, needsHuman: false, reason: 'none' };
  /** Milliseconds the default answer takes (to keep workers busy in concurrency tests). */
  defaultDelayMs = 0;

  /** e.g. http://127.0.0.1:41234/v1, for the SDK's baseURL. */
  baseUrl = '';

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
    return this;
  }

  enqueue(...steps: FakeOpenAiStep[]): this {
    this.script.push(...steps);
    return this;
  }

  reset(): void {
    this.calls.length = 0;
    this.embeddingCalls.length = 0;
    this.script.length = 0;
    this.releaseHanging();
  }

  releaseHanging(): void {
    for (const res of this.hanging) res.destroy();
    this.hanging.clear();
  }

  async close(): Promise<void> {
    this.releaseHanging();
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method === 'POST' && req.url === '/v1/embeddings') {
      // Deterministic vectors (hashed words and 4-grams): the same text always gets the same vector.
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedCall['body'];
      this.embeddingCalls.push({ body, headers: req.headers, path: req.url });
      const inputs = typeof body.input === 'string' ? [body.input] : (body.input ?? []);
      const data = inputs.map((text, index) => ({ object: 'embedding', index, embedding: hashEmbedding(text, body.dimensions ?? 1536) }));
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ object: 'list', data, model: body.model, usage: { prompt_tokens: inputs.join(' ').length, total_tokens: inputs.join(' ').length } }));
      return;
    }
    if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
      return;
    }
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as RecordedCall['body'];
    this.calls.push({ body, headers: req.headers });
    const step: FakeOpenAiStep = this.script.shift() ?? { answer: this.defaultAnswer, delayMs: this.defaultDelayMs };
    if ('hang' in step) {
      this.hanging.add(res);
      return;
    }
    if ('status' in step) {
      const quota = 'insufficientQuota' in step;
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if ('retryAfter' in step && step.retryAfter !== undefined) headers['retry-after'] = step.retryAfter;
      if ('retryAfterMs' in step && step.retryAfterMs !== undefined) headers['retry-after-ms'] = step.retryAfterMs;
      const error = quota
        ? { message: 'You exceeded your current quota.', type: 'insufficient_quota', code: 'insufficient_quota' }
        : step.status === 429
          ? { message: 'Rate limit reached', type: 'requests', code: 'rate_limit_exceeded' }
          : { message: 'The server had an error', type: 'server_error', code: null };
      res.writeHead(step.status, headers).end(JSON.stringify({ error }));
      return;
    }
    if (step.delayMs) await new Promise((resolve) => setTimeout(resolve, step.delayMs));
    const content = JSON.stringify(step.answer);
    const usage = { prompt_tokens: step.usage?.prompt ?? 120, completion_tokens: step.usage?.completion ?? 30 };
    const base = { id: `chatcmpl-${this.calls.length}`, created: Math.floor(Date.now() / 1000), model: body.model };
    if (body.stream) {
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      const half = Math.ceil(content.length / 2);
      for (const piece of [content.slice(0, half), content.slice(half)]) {
        res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] })}\n\n`);
      }
      res.write(`data: ${JSON.stringify({ ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`);
      res.end('data: [DONE]\n\n');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' }).end(
      JSON.stringify({
        ...base,
        object: 'chat.completion',
        choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: 'stop', logprobs: null }],
        usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens },
      }),
    );
  }
}
