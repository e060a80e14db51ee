import { describe, expect, it } from 'vitest';
import { testConfig, useTestDatabase } from '../../../test/support/db.js';
import { expectCode } from '../../../test/support/tickets-kit.js';
import { verifyAccessToken } from './access-tokens.js';

const t = useTestDatabase();

describe('access tokens checked again (the remembered signature)', () => {
  it('still expire, still follow the account and the login, and are refused under another key', async () => {
    const pair = await t.services.auth.register({ email: 'cache@example.com', password: 'a good password', name: 'Cache' });
    expect((await verifyAccessToken(t.deps, pair.accessToken)).actor.id).toBe(pair.user.id);
    expect((await verifyAccessToken(t.deps, pair.accessToken)).actor.id).toBe(pair.user.id);
    const otherKey = { ...t.deps, config: testConfig({ secretKey: 'another-secret-key-that-is-long-enough-01' }) };
    expect((await expectCode(verifyAccessToken(otherKey, pair.accessToken), 'UNAUTHENTICATED')).message).toMatch(/invalid/);
    await t.db.updateTable('users').set({ is_disabled: true }).where('id', '=', pair.user.id).execute();
    expect((await expectCode(verifyAccessToken(t.deps, pair.accessToken), 'UNAUTHENTICATED')).message).toMatch(/revoked/);
    await t.db.updateTable('users').set({ is_disabled: false }).where('id', '=', pair.user.id).execute();
    expect((await verifyAccessToken(t.deps, pair.accessToken)).actor.id).toBe(pair.user.id);
    t.clock.advance(15 * 60 * 1000 + 1000);
    expect((await expectCode(verifyAccessToken(t.deps, pair.accessToken), 'UNAUTHENTICATED')).message).toMatch(/expired/);
    expect((await expectCode(verifyAccessToken(t.deps, pair.accessToken), 'UNAUTHENTICATED')).message).toMatch(/expired/);
  });
});
