import { describe, expect, it } from 'vitest';
import { LlmError, parseAnswer } from './llm.js';
import { retryAfterSeconds } from './openai-llm.js';
import { backoffMs, withRetry, type RetryPolicy } from './retry.js';

const policy: RetryPolicy = { maxRetries: 3, initialDelay: 0.5, backoffMultiplier: 2, maxRetryAfterSeconds: 60 };

function tools(random = 0.5) {
  const sleeps: number[] = [];
  return { sleeps, tools: { sleep: async (ms: number) => void sleeps.push(ms), random: () => random } };
}

describe('retry policy', () => {
  it('backs off exponentially (0.5 s, ×2) with ±25 % jitter', () => {
    expect([1, 2, 3].map((n) => backoffMs(policy, n, () => 0.5))).toEqual([500, 1000, 2000]);
    expect(backoffMs(policy, 1, () => 0)).toBe(375);
    expect(backoffMs(policy, 1, () => 0.999999)).toBe(625);
  });

  it('retries retryable failures up to maxRetries, then returns the last error', async () => {
    const { sleeps, tools: t } = tools();
    let calls = 0;
    const result = await withRetry(async () => {
      calls++;
      throw new LlmError('server', 'boom');
    }, policy, t);
    expect(calls).toBe(4);
    expect(sleeps).toEqual([500, 1000, 2000]);
    expect(result).toMatchObject({ attempts: 4, error: { kind: 'server' } });
  });

  it.each(['insufficient_quota', 'auth', 'bad_request'] as const)('never retries %s', async (kind) => {
    const { sleeps, tools: t } = tools();
    const result = await withRetry(async () => {
      throw new LlmError(kind, 'no');
    }, policy, t);
    expect(result.attempts).toBe(1);
    expect(sleeps).toEqual([]);
  });

  it('waits at least the Retry-After of a 429, and gives up on one longer than the cap', async () => {
    const { sleeps, tools: t } = tools();
    let calls = 0;
    const ok = await withRetry(async () => {
      if (calls++ === 0) throw new LlmError('rate_limited', '429', { retryAfterSeconds: 7 });
      return 'answer';
    }, policy, t);
    expect(ok).toMatchObject({ value: 'answer', attempts: 2 });
    expect(sleeps).toEqual([7000]);
    const long = await withRetry(async () => {
      throw new LlmError('rate_limited', '429', { retryAfterSeconds: 3600 });
    }, policy, tools().tools);
    expect(long.attempts).toBe(1);
  });

  it('reads Retry-After as seconds, milliseconds or an HTTP date', () => {
    expect(retryAfterSeconds(new Headers({ 'retry-after': '3' }))).toBe(3);
    expect(retryAfterSeconds(new Headers({ 'retry-after-ms': '1500', 'retry-after': '9' }))).toBe(1.5);
    expect(retryAfterSeconds(new Headers({ 'retry-after': new Date(10_000).toUTCString() }), 4_000)).toBe(6);
    expect(retryAfterSeconds(new Headers())).toBeUndefined();
  });
});

describe('withRetry: the edges of the policy', () => {
  it('Given a first call that works, Then it returns its value after one attempt and no wait', async () => {
    const { sleeps, tools: t } = tools();
    expect(await withRetry(async (attempt) => `answer ${attempt}`, policy, t)).toEqual({ value: 'answer 1', attempts: 1, waitedMs: 0 });
    expect(sleeps).toEqual([]);
  });

  it('Given a success after two failures, Then it reports the attempts and the total wait', async () => {
    const { sleeps, tools: t } = tools();
    const result = await withRetry(async (attempt) => {
      if (attempt < 3) throw new LlmError('timeout', 'slow');
      return attempt;
    }, policy, t);
    expect(result).toEqual({ value: 3, attempts: 3, waitedMs: 1500 });
    expect(sleeps).toEqual([500, 1000]);
  });

  it('Given maxRetries 0, Then a retryable failure is tried once', async () => {
    const { sleeps, tools: t } = tools();
    const result = await withRetry(async () => {
      throw new LlmError('server', 'boom');
    }, { ...policy, maxRetries: 0 }, t);
    expect(result).toMatchObject({ attempts: 1, waitedMs: 0, error: { kind: 'server' } });
    expect(sleeps).toEqual([]);
  });

  it('Given a plain error or a thrown string, Then it is a retryable connection error carrying the message', async () => {
    const { tools: t } = tools();
    const plain = await withRetry(async () => {
      throw new Error('socket hang up');
    }, { ...policy, maxRetries: 1 }, t);
    expect(plain.attempts).toBe(2);
    expect(plain.error).toBeInstanceOf(LlmError);
    expect(plain.error).toMatchObject({ kind: 'connection', message: 'socket hang up' });
    expect(plain.error!.cause).toBeInstanceOf(Error);
    const text = await withRetry(async () => {
      throw 'ECONNRESET';
    }, { ...policy, maxRetries: 0 }, t);
    expect(text.error).toMatchObject({ kind: 'connection', message: 'ECONNRESET', cause: 'ECONNRESET' });
  });

  it('Given a Retry-After exactly at the cap, Then it is waited out; a fraction of a second is rounded up', async () => {
    const { sleeps, tools: t } = tools();
    let calls = 0;
    const atCap = await withRetry(async () => {
      if (calls++ === 0) throw new LlmError('rate_limited', '429', { retryAfterSeconds: 60 });
      return 'ok';
    }, policy, t);
    expect(atCap).toEqual({ value: 'ok', attempts: 2, waitedMs: 60_000 });
    calls = 0;
    await withRetry(async () => {
      if (calls++ === 0) throw new LlmError('rate_limited', '429', { retryAfterSeconds: 1.0004 });
      return 'ok';
    }, policy, t);
    expect(sleeps).toEqual([60_000, 1001]);
  });

  it('Given a Retry-After shorter than the backoff, Then the backoff is waited', async () => {
    const { sleeps, tools: t } = tools();
    let calls = 0;
    await withRetry(async () => {
      if (calls++ === 0) throw new LlmError('rate_limited', '429', { retryAfterSeconds: 0.1 });
      return 'ok';
    }, policy, t);
    expect(sleeps).toEqual([500]);
  });

  it('Given a Retry-After over the cap, Then it stops at once with the error and the time already waited', async () => {
    const { sleeps, tools: t } = tools();
    let calls = 0;
    const result = await withRetry(async () => {
      if (calls++ === 0) throw new LlmError('server', 'boom');
      throw new LlmError('rate_limited', '429', { retryAfterSeconds: 61 });
    }, policy, t);
    expect(result).toMatchObject({ attempts: 2, waitedMs: 500, error: { kind: 'rate_limited' } });
    expect(sleeps).toEqual([500]);
  });

  it('jitters around the base: 0.75 at random 0, 1.25 just under random 1, rounded', () => {
    expect(backoffMs({ ...policy, initialDelay: 1, backoffMultiplier: 3 }, 3, () => 0)).toBe(6750);
    expect(backoffMs({ ...policy, initialDelay: 1, backoffMultiplier: 3 }, 3, () => 0.5)).toBe(9000);
    expect(backoffMs({ ...policy, initialDelay: 0.001 }, 1, () => 0.3)).toBe(1);
  });
});

describe('structured answer', () => {
  it('accepts the schema and clamps confidence', () => {
    expect(parseAnswer('{"reply":"hi","confidence":1.4,"needsHuman":false,"reason":"none"}')).toEqual({ reply: 'hi', confidence: 1, needsHuman: false, reason: 'none' });
  });
  it.each(['not json', '{"reply":"hi"}', '{"reply":1,"confidence":0.5,"needsHuman":false,"reason":""}', 'null'])('rejects %s as invalid_output', (content) => {
    expect(() => parseAnswer(content)).toThrow(expect.objectContaining({ kind: 'invalid_output' }));
  });
});
