import { LlmError } from './llm.js';

export interface RetryPolicy {
  maxRetries: number;
  /** Seconds before the first retry. */
  initialDelay: number;
  backoffMultiplier: number;
  /** A provider's Retry-After longer than this is not waited out: the job hands off instead. */
  maxRetryAfterSeconds: number;
}

export interface RetryTools {
  sleep: (ms: number) => Promise<void>;
  /** 0 ≤ x < 1, for jitter. */
  random: () => number;
}

export interface RetryOutcome<T> {
  value?: T;
  error?: LlmError;
  attempts: number;
  /** Milliseconds slept between attempts. */
  waitedMs: number;
}

/** Delay before retry number `retry` (1-based): initial × multiplier^(retry-1), with ±25 % jitter. */
export function backoffMs(policy: RetryPolicy, retry: number, random: () => number): number {
  const base = policy.initialDelay * 1000 * policy.backoffMultiplier ** (retry - 1);
  return Math.round(base * (0.75 + random() * 0.5));
}

/**
 * Runs `call` with our retry policy: exponential backoff with jitter; a 429's Retry-After is honoured
 * (waited out when it is at most `maxRetryAfterSeconds`); errors that cannot improve
 * (insufficient_quota, auth, bad request) stop at once. Never throws: returns the value or the error.
 */
export async function withRetry<T>(call: (attempt: number) => Promise<T>, policy: RetryPolicy, tools: RetryTools): Promise<RetryOutcome<T>> {
  let waitedMs = 0;
  for (let attempt = 1; ; attempt++) {
    try {
      return { value: await call(attempt), attempts: attempt, waitedMs };
    } catch (caught) {
      const error = caught instanceof LlmError ? caught : new LlmError('connection', caught instanceof Error ? caught.message : String(caught), { cause: caught });
      if (!error.isRetryable || attempt > policy.maxRetries) return { error, attempts: attempt, waitedMs };
      let delay = backoffMs(policy, attempt, tools.random);
      const retryAfter = error.retryAfterSeconds;
      if (retryAfter !== undefined) {
        if (retryAfter > policy.maxRetryAfterSeconds) return { error, attempts: attempt, waitedMs };
        delay = Math.max(delay, Math.ceil(retryAfter * 1000));
      }
      waitedMs += delay;
      await tools.sleep(delay);
    }
  }
}
