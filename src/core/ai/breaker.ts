import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * The circuit breaker, shared by every process through one row. `closed`: calls go through.
 * After `threshold` consecutive failed jobs it is `open`: no calls, customers get the safe
 * acknowledgement. After the cool-down one job is let through as a `half_open` probe: success closes
 * it, failure opens it again.
 */
export const BREAKER_ID = 'openai';

export interface BreakerSettings {
  threshold: number;
  cooldownSeconds: number;
  /** A probe that has not reported back after this long is presumed dead; another may start. */
  probeTimeoutSeconds: number;
}

export type BreakerState = 'closed' | 'open' | 'half_open';

export interface BreakerView {
  state: BreakerState;
  consecutiveFailures: number;
  openedAt: string | null;
  /** When an open breaker lets the next probe through. */
  probeAt: string | null;
  lastError: string | null;
}

type Db = Kysely<DB> | Transaction<DB>;

async function lockRow(db: Db, now: Date) {
  await db.insertInto('ai_breaker').values({ id: BREAKER_ID, updated_at: now }).onConflict((oc) => oc.column('id').doNothing()).execute();
  return db.selectFrom('ai_breaker').selectAll().where('id', '=', BREAKER_ID).forUpdate().executeTakeFirstOrThrow();
}

/** May a model call start now? Call inside the deciding transaction (locks the row). */
export async function admitCall(db: Db, now: Date, settings: BreakerSettings): Promise<{ allowed: boolean; probe: boolean }> {
  const row = await lockRow(db, now);
  if (row.state === 'closed') return { allowed: true, probe: false };
  const since = (d: Date | null) => (d ? (now.getTime() - d.getTime()) / 1000 : Infinity);
  const probeBusy = row.state === 'half_open' && since(row.probe_started_at) < settings.probeTimeoutSeconds;
  if (probeBusy || (row.state === 'open' && since(row.opened_at) < settings.cooldownSeconds)) return { allowed: false, probe: false };
  await db.updateTable('ai_breaker').set({ state: 'half_open', probe_started_at: now, updated_at: now }).where('id', '=', BREAKER_ID).execute();
  return { allowed: true, probe: true };
}

/** Gives back a probe that will not be made after all (the job was deferred): the breaker stays open. */
export async function releaseProbe(db: Db, now: Date): Promise<void> {
  await db.updateTable('ai_breaker').set({ state: 'open', probe_started_at: null, updated_at: now }).where('id', '=', BREAKER_ID).where('state', '=', 'half_open').execute();
}

/** Reports how a job's model call ended (after its retries). */
export async function recordCall(db: Kysely<DB>, now: Date, settings: BreakerSettings, result: { ok: true } | { ok: false; error: string }): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await lockRow(trx, now);
    if (result.ok) {
      await trx.updateTable('ai_breaker').set({ state: 'closed', consecutive_failures: 0, opened_at: null, probe_started_at: null, updated_at: now }).where('id', '=', BREAKER_ID).execute();
      return;
    }
    const failures = row.consecutive_failures + 1;
    const opens = row.state === 'half_open' || failures >= settings.threshold;
    await trx
      .updateTable('ai_breaker')
      .set({
        consecutive_failures: failures,
        last_error: result.error.slice(0, 500),
        updated_at: now,
        ...(opens ? { state: 'open' as const, opened_at: now, probe_started_at: null } : {}),
      })
      .where('id', '=', BREAKER_ID)
      .execute();
  });
}

export async function readBreaker(db: Db, settings: BreakerSettings): Promise<BreakerView> {
  const row = await db.selectFrom('ai_breaker').selectAll().where('id', '=', BREAKER_ID).executeTakeFirst();
  if (!row) return { state: 'closed', consecutiveFailures: 0, openedAt: null, probeAt: null, lastError: null };
  return {
    state: row.state,
    consecutiveFailures: row.consecutive_failures,
    openedAt: row.opened_at?.toISOString() ?? null,
    probeAt: row.state === 'open' && row.opened_at ? new Date(row.opened_at.getTime() + settings.cooldownSeconds * 1000).toISOString() : null,
    lastError: row.last_error,
  };
}
