import { describe, expect, it } from 'vitest';
import type { VerifiedToken } from '../../core/auth/access-tokens.js';
import { ACCESS_CACHE_MAX_AGE_MS, AccessCache } from './access-cache.js';

const verified = (userId: string, expiresAt: number): VerifiedToken => ({
  actor: { id: userId, email: `${userId}@example.com`, name: userId, role: 'customer' },
  sessionFamily: '00000000-0000-4000-8000-000000000000',
  expiresAt: new Date(expiresAt),
});

function live(now: { t: number }) {
  const cache = new AccessCache(() => now.t);
  cache.setLive(true);
  return cache;
}

describe('AccessCache', () => {
  it('remembers a check and answers it until the token expires', () => {
    const now = { t: 1_000 };
    const cache = live(now);
    cache.remember('tok', cache.mark(), verified('ana', 5_000));
    expect(cache.get('tok')?.actor.id).toBe('ana');
    now.t = 5_000;
    expect(cache.get('tok')).toBeNull();
  });

  it('uses a remembered check for at most the maximum age', () => {
    const now = { t: 0 };
    const cache = live(now);
    cache.remember('tok', cache.mark(), verified('ana', 10 * ACCESS_CACHE_MAX_AGE_MS));
    now.t = ACCESS_CACHE_MAX_AGE_MS - 1;
    expect(cache.get('tok')).not.toBeNull();
    now.t = ACCESS_CACHE_MAX_AGE_MS;
    expect(cache.get('tok')).toBeNull();
  });

  it("forgets a user's tokens (only theirs), or everyone's for '*'", () => {
    const cache = live({ t: 0 });
    cache.remember('a', cache.mark(), verified('ana', 1e9));
    cache.remember('b', cache.mark(), verified('bo', 1e9));
    cache.forget('ana');
    expect(cache.get('a')).toBeNull();
    expect(cache.get('b')).not.toBeNull();
    cache.forget('*');
    expect(cache.get('b')).toBeNull();
  });

  it('does not remember a check that was running while a change arrived (it may have read the old row)', () => {
    const cache = live({ t: 0 });
    const mark = cache.mark();
    cache.forget('someone-else');
    cache.remember('tok', mark, verified('ana', 1e9));
    expect(cache.get('tok')).toBeNull();
  });

  it('remembers and answers nothing while it is not hearing every change (connection down, or before it is up)', () => {
    const cache = new AccessCache(() => 0);
    cache.remember('tok', cache.mark(), verified('ana', 1e9));
    expect(cache.get('tok')).toBeNull();
    cache.setLive(true);
    cache.remember('tok', cache.mark(), verified('ana', 1e9));
    const mark = cache.mark();
    cache.setLive(false);
    expect(cache.get('tok')).toBeNull();
    cache.setLive(true);
    expect(cache.get('tok')).toBeNull();
    cache.remember('tok', mark, verified('ana', 1e9));
    expect(cache.get('tok')).toBeNull();
  });
});
