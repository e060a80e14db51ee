import { sql } from 'kysely';
import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { recordEvent } from '../tickets/ticket.js';
import { parseInput } from '../validation.js';
import { refreshTicketSla } from './ticket-sla-store.js';

export const checkSlaInput = z.object({ now: z.coerce.date({ message: 'must be a date or time, e.g. 2026-11-25T09:00:00Z' }).optional() });
export type CheckSlaInput = z.input<typeof checkSlaInput>;

export interface SlaNotice {
  ticketNumber: number;
  target: 'firstResponse' | 'resolution';
  kind: 'warning' | 'breached';
  dueAt: string | null;
}

export interface SlaCheckResult {
  checkedAt: string;
  /** Tickets whose SLA was evaluated again because their history changed. */
  evaluated: number;
  items: SlaNotice[];
  nextCursor: null;
}

const TARGETS = [
  { target: 'firstResponse', prefix: 'first_response' },
  { target: 'resolution', prefix: 'resolution' },
] as const;

/**
 * Writes `sla.warning` and `sla.breached` into the history of every ticket that crossed its warning
 * share or its due time, once per target (ticket_sla.notices remembers). Idempotent, so the worker
 * job and a cron `nexus sla check` can both run it.
 */
export async function checkSlaAt(deps: Deps, now: Date): Promise<SlaCheckResult> {
  const evaluated = await refreshTicketSla(deps.db, deps.clock.now());
  const items: SlaNotice[] = [];
  for (const { target, prefix } of TARGETS) {
    const due = sql.ref(`s.${prefix}_due_at`);
    const warn = sql.ref(`s.${prefix}_warn_at`);
    const met = sql.ref(`s.${prefix}_met_at`);
    for (const kind of ['warning', 'breached'] as const) {
      const notice = `${prefix}.${kind}`;
      const crossed = kind === 'breached' ? sql`${due} < coalesce(${met}, ${now}::timestamptz)` : sql`${warn} <= ${now}::timestamptz and (${met} is null or ${met} > ${warn})`;
      await deps.db.transaction().execute(async (trx) => {
        const rows = await sql<{ ticket_id: string; number: number; due_at: Date | null }>`
          select s.ticket_id, t.number, ${due} as due_at from ticket_sla s join tickets t on t.id = s.ticket_id
          where s.policy_id is not null and t.deleted_at is null and ${crossed} and not (${notice} = any(s.notices))
          order by t.number
          for update of s skip locked`.execute(trx);
        for (const row of rows.rows) {
          await recordEvent(trx, { ticketId: row.ticket_id, actorId: null, type: `sla.${kind}`, data: { target, dueAt: row.due_at?.toISOString() ?? null }, at: now });
          await sql`update ticket_sla set notices = array_append(notices, ${notice}) where ticket_id = ${row.ticket_id}`.execute(trx);
          items.push({ ticketNumber: row.number, target, kind, dueAt: row.due_at?.toISOString() ?? null });
        }
      });
    }
  }
  items.sort((a, b) => a.ticketNumber - b.ticketNumber);
  return { checkedAt: now.toISOString(), evaluated, items, nextCursor: null };
}

/** `nexus sla check` (staff): the same work as the background job, as of now or `--now`. */
export async function checkSla(deps: Deps, actor: Actor, input: CheckSlaInput = {}): Promise<SlaCheckResult> {
  authorize(actor, 'sla.view');
  const data = parseInput(checkSlaInput, input);
  return checkSlaAt(deps, data.now ?? deps.clock.now());
}
