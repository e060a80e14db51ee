import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

/**
 * Limits kept in Postgres so every process sees the same numbers. Callers hold the ticket row lock
 * (SELECT … FOR UPDATE) around `checkTicketWindow` + the reservation insert, which makes the per-ticket
 * limit atomic under concurrency.
 */
export interface TicketWindow {
  allowed: boolean;
  /** Seconds until the oldest reply in the window leaves it (when not allowed). */
  waitSeconds: number;
  used: number;
}

export async function checkTicketWindow(trx: Transaction<DB>, ticketId: string, now: Date, max: number, windowSeconds: number): Promise<TicketWindow> {
  const since = new Date(now.getTime() - windowSeconds * 1000);
  const rows = await trx
    .selectFrom('ai_traces')
    .select('created_at')
    .where('ticket_id', '=', ticketId)
    .where('outcome', 'in', ['pending', 'replied'])
    .where('created_at', '>', since)
    .orderBy('created_at', 'asc')
    .execute();
  if (rows.length < max) return { allowed: true, waitSeconds: 0, used: rows.length };
  // The window frees up when the oldest of the newest `max` replies ages out.
  const oldest = rows[rows.length - max]!.created_at;
  const waitSeconds = Math.max(1, Math.ceil((oldest.getTime() + windowSeconds * 1000 - now.getTime()) / 1000));
  return { allowed: false, waitSeconds, used: rows.length };
}

export const minuteOf = (now: Date): Date => new Date(Math.floor(now.getTime() / 60_000) * 60_000);

/**
 * Takes one request and `tokens` from this minute's global budget, or returns when to try again.
 * One upsert: concurrent processes cannot both take the last request.
 */
export async function takeGlobalBudget(
  trx: Transaction<DB>,
  now: Date,
  limits: { requestsPerMinute: number; tokensPerMinute: number },
  tokens: number,
): Promise<{ allowed: true } | { allowed: false; retryAt: Date }> {
  const minute = minuteOf(now);
  const { rows } = await sql<{ requests: number }>`
    insert into ai_usage (minute, requests, tokens) values (${minute}, 1, ${tokens})
    on conflict (minute) do update set requests = ai_usage.requests + 1, tokens = ai_usage.tokens + excluded.tokens
    where ai_usage.requests < ${limits.requestsPerMinute} and ai_usage.tokens + excluded.tokens <= ${limits.tokensPerMinute}
    returning requests`.execute(trx);
  // Keep a day of counters (the primary key makes this a cheap range delete).
  await trx.deleteFrom('ai_usage').where('minute', '<', new Date(minute.getTime() - 86_400_000)).execute();
  if (rows.length > 0) return { allowed: true };
  return { allowed: false, retryAt: new Date(minute.getTime() + 60_000) };
}

/** Corrects this minute's token count once the provider reports the real usage. */
export async function adjustTokens(trx: Transaction<DB>, now: Date, delta: number): Promise<void> {
  if (delta === 0) return;
  await trx.updateTable('ai_usage').set({ tokens: sql`greatest(0, tokens + ${delta})` }).where('minute', '=', minuteOf(now)).execute();
}

export const dayStart = (now: Date): Date => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));

/** Estimated spend since midnight UTC, from the traces. */
export async function spentToday(db: Transaction<DB> | import('kysely').Kysely<DB>, now: Date): Promise<number> {
  const row = await db
    .selectFrom('ai_traces')
    .select(sql<string>`coalesce(sum(cost_usd), 0)`.as('total'))
    .where('created_at', '>=', dayStart(now))
    .executeTakeFirstOrThrow();
  return Number(row.total);
}
