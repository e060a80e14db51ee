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

describe('structured answer', () => {
  it('accepts the schema and clamps confidence', () => {
    expect(parseAnswer('{"reply":"hi","confidence":1.4,"needsHuman":false,"reason":"none"}')).toEqual({ reply: 'hi', confidence: 1, needsHuman: false, reason: 'none' });
  });
  it.each(['not json', '{"reply":"hi"}', '{"reply":1,"confidence":0.5,"needsHuman":false,"reason":""}', 'null'])('rejects %s as invalid_output', (content) => {
    expect(() => parseAnswer(content)).toThrow(expect.objectContaining({ kind: 'invalid_output' }));
  });
});
