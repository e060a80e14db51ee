import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { admitCall, readBreaker, recordCall, releaseProbe, type BreakerSettings } from './breaker.js';

const t = useTestDatabase();
const settings: BreakerSettings = { threshold: 3, cooldownSeconds: 30, probeTimeoutSeconds: 120 };

const admit = () => t.db.transaction().execute((trx) => admitCall(trx, t.clock.now(), settings));
const fail = () => recordCall(t.db, t.clock.now(), settings, { ok: false, error: 'HTTP 500' });
const succeed = () => recordCall(t.db, t.clock.now(), settings, { ok: true });

describe('circuit breaker', () => {
  it('stays closed below the threshold and resets on success', async () => {
    await fail();
    await fail();
    await succeed();
    await fail();
    await fail();
    expect(await admit()).toEqual({ allowed: true, probe: false });
    expect(await readBreaker(t.db, settings)).toMatchObject({ state: 'closed', consecutiveFailures: 2, lastError: 'HTTP 500' });
  });

  it('opens at the threshold, lets one probe through after the cool-down, and re-opens when the probe fails', async () => {
    for (let i = 0; i < 3; i++) await fail();
    expect(await readBreaker(t.db, settings)).toMatchObject({ state: 'open', openedAt: '2026-11-25T09:00:00.000Z', probeAt: '2026-11-25T09:00:30.000Z' });
    t.clock.advance(29_000);
    expect(await admit()).toEqual({ allowed: false, probe: false });
    t.clock.advance(2_000);
    expect(await admit()).toEqual({ allowed: true, probe: true });
    expect(await admit()).toEqual({ allowed: false, probe: false }); // one probe at a time
    await fail();
    expect(await readBreaker(t.db, settings)).toMatchObject({ state: 'open', openedAt: '2026-11-25T09:00:31.000Z' });
  });

  it('a probe given back (its job was deferred) leaves the breaker open for the next one', async () => {
    for (let i = 0; i < 3; i++) await fail();
    t.clock.advance(31_000);
    expect(await admit()).toMatchObject({ probe: true });
    await releaseProbe(t.db, t.clock.now());
    expect(await readBreaker(t.db, settings)).toMatchObject({ state: 'open' });
    expect(await admit()).toMatchObject({ allowed: true, probe: true });
  });

  it('closes after a good probe, and a probe that never reports back is replaced', async () => {
    for (let i = 0; i < 3; i++) await fail();
    t.clock.advance(31_000);
    expect(await admit()).toMatchObject({ probe: true });
    t.clock.advance(121_000); // the probe's worker died
    expect(await admit()).toMatchObject({ allowed: true, probe: true });
    await succeed();
    expect(await readBreaker(t.db, settings)).toMatchObject({ state: 'closed', consecutiveFailures: 0, openedAt: null });
    expect(await admit()).toEqual({ allowed: true, probe: false });
  });
});
