import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const instant = (endOfDay: boolean) =>
  z.preprocess(
    (v) => (typeof v === 'string' && DATE_ONLY.test(v) && endOfDay ? new Date(Date.parse(`${v}T00:00:00Z`) + 86_400_000) : v),
    z.coerce.date({ message: 'must be a date or time, e.g. 2026-11-25 or 2026-11-25T09:00:00Z' }).optional(),
  );

/** `nexus stats --from/--to`: tickets created in [from, to); a bare `to` date includes that day. */
export const statsRangeInput = z.object({ from: instant(false), to: instant(true) });
export type StatsRangeInput = z.input<typeof statsRangeInput>;

export interface AgentStats {
  agent: { id: string; email: string; name: string | null };
  /** Tickets (created in the range) assigned to the agent now. */
  tickets: number;
  open: number;
  resolved: number;
  firstResponseMedianSeconds: number | null;
  resolutionMedianSeconds: number | null;
}

export interface CsatStats {
  /** Ratings given on tickets created in the range. */
  ratings: number;
  averageRating: number | null;
  /** Share of ratings of 4 or 5 (the usual CSAT), 0–1. */
  satisfiedRate: number | null;
}

/** The range condition on `tickets` (alias-free), for the stats queries. */
export function createdInRange(range: { from?: Date; to?: Date }, column = sql.ref('created_at')) {
  return sql<boolean>`(${range.from ? sql`${column} >= ${range.from}` : sql`true`} and ${range.to ? sql`${column} < ${range.to}` : sql`true`})`;
}

const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v) * 1000) / 1000);

export async function agentStats(trx: Transaction<DB>, range: { from?: Date; to?: Date }): Promise<AgentStats[]> {
  const rows = await sql<Record<string, unknown>>`
    select u.id, u.email, u.name, count(*) as tickets,
      count(*) filter (where t.status <> 'closed') as open, count(*) filter (where t.status = 'closed') as resolved,
      percentile_cont(0.5) within group (order by extract(epoch from t.first_response_at - t.created_at)) as fr,
      percentile_cont(0.5) within group (order by extract(epoch from t.resolved_at - t.created_at)) as rs
    from tickets t join users u on u.id = t.assignee_id
    where t.deleted_at is null and ${createdInRange(range, sql.ref('t.created_at'))}
    group by u.id, u.email, u.name order by u.email`.execute(trx);
  return rows.rows.map((r) => ({
    agent: { id: String(r.id), email: String(r.email), name: r.name === null || r.name === undefined || r.name === '' ? null : String(r.name) },
    tickets: Number(r.tickets),
    open: Number(r.open),
    resolved: Number(r.resolved),
    firstResponseMedianSeconds: num(r.fr),
    resolutionMedianSeconds: num(r.rs),
  }));
}

export async function csatStats(trx: Transaction<DB>, range: { from?: Date; to?: Date }): Promise<CsatStats> {
  const row = (
    await sql<Record<string, unknown>>`
      select count(*) as n, avg(r.rating) as avg, avg(case when r.rating >= 4 then 1.0 else 0.0 end) as satisfied
      from message_ratings r join tickets t on t.id = r.ticket_id
      where t.deleted_at is null and ${createdInRange(range, sql.ref('t.created_at'))}`.execute(trx)
  ).rows[0]!;
  return { ratings: Number(row.n), averageRating: num(row.avg), satisfiedRate: num(row.satisfied) };
}
