import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB, TicketPriority, TicketStatus } from '../db/schema.js';
import type { OpeningRange, Weekday } from './business-time.js';
import { computeSla, type SlaEvent, type SlaPolicyRule, type SlaResult } from './sla-clock.js';

type Db = Kysely<DB> | Transaction<DB>;

/** Every SLA policy with its calendar, as the clock reads them. */
export async function loadPolicyRules(db: Db): Promise<(SlaPolicyRule & { warnPercent: number })[]> {
  const rows = await db
    .selectFrom('sla_policies as p')
    .leftJoin('sla_calendars as c', 'c.id', 'p.calendar_id')
    .select(['p.id', 'p.name', 'p.priority', 'p.first_response_seconds', 'p.resolution_seconds', 'p.pause_statuses', 'p.ai_counts_as_first_response', 'p.warn_percent'])
    .select(['c.name as calendar_name', 'c.time_zone', 'c.hours', 'c.holidays'])
    .execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    priority: r.priority,
    firstResponseSeconds: r.first_response_seconds,
    resolutionSeconds: r.resolution_seconds,
    pauseStatuses: r.pause_statuses,
    aiCountsAsFirstResponse: r.ai_counts_as_first_response,
    warnPercent: r.warn_percent,
    calendar: r.calendar_name ? { name: r.calendar_name, timeZone: r.time_zone!, hours: r.hours as Partial<Record<Weekday, OpeningRange[]>>, holidays: r.holidays ?? [] } : null,
  }));
}

interface EventRow {
  type: string;
  data: unknown;
  created_at: Date;
}

/** Reads the SLA-relevant facts out of ticket history rows. */
export function toSlaEvents(rows: readonly EventRow[]): SlaEvent[] {
  const events: SlaEvent[] = [];
  for (const row of rows) {
    const data = (row.data ?? {}) as { status?: TicketStatus; priority?: TicketPriority; kind?: string; after?: { status?: TicketStatus; priority?: TicketPriority } };
    const at = row.created_at;
    if (row.type === 'ticket.created') events.push({ type: 'created', at, status: data.status ?? 'open', priority: data.priority ?? 'medium' });
    else if (row.type === 'ticket.message_added' && data.kind === 'agent') events.push({ type: 'response', at, by: 'human' });
    else if ((row.type === 'ticket.message_added' && data.kind === 'ai') || row.type === 'ai.replied') events.push({ type: 'response', at, by: 'ai' });
    if (data.after?.status) events.push({ type: 'status', at, status: data.after.status });
    if (data.after?.priority) events.push({ type: 'priority', at, priority: data.after.priority });
  }
  return events;
}

/** The one evaluation of a ticket's SLA: its history, the policies, now. */
export async function evaluateTicketSla(db: Db, ticketId: string, now: Date, policies?: (SlaPolicyRule & { warnPercent: number })[]): Promise<SlaResult> {
  const rules = policies ?? (await loadPolicyRules(db));
  const rows = await db.selectFrom('ticket_events').select(['type', 'data', 'created_at']).where('ticket_id', '=', ticketId).orderBy('id').execute();
  const events = toSlaEvents(rows);
  const latest = events.filter((e) => e.type === 'priority' || e.type === 'created').at(-1) as { priority: TicketPriority } | undefined;
  const warnPercent = rules.find((r) => r.priority === latest?.priority)?.warnPercent;
  return computeSla(events, rules, now, { warnPercent });
}

const secs = (s: number | undefined | null) => (s === undefined || s === null ? null : Math.round(s));

/** Writes a ticket's evaluated SLA into ticket_sla (the columns reports and lists read). */
export async function storeTicketSla(db: Db, ticketId: string, result: SlaResult, now: Date): Promise<void> {
  const fr = result.firstResponse;
  const rs = result.resolution;
  const values = {
    policy_id: result.policy?.id ?? null,
    state: result.state,
    is_paused: result.state === 'paused',
    first_response_due_at: fr?.dueAt ?? null,
    first_response_warn_at: fr?.warnAt ?? null,
    first_response_met_at: fr?.metAt ?? null,
    first_response_seconds: fr?.metAt ? secs(fr.elapsedSeconds) : null,
    resolution_due_at: rs?.dueAt ?? null,
    resolution_warn_at: rs?.warnAt ?? null,
    resolution_met_at: rs?.metAt ?? null,
    resolution_seconds: rs?.metAt ? secs(rs.elapsedSeconds) : null,
    due_at: result.dueAt,
    computed_at: now,
  };
  await db
    .insertInto('ticket_sla')
    .values({ ticket_id: ticketId, ...values })
    .onConflict((oc) => oc.column('ticket_id').doUpdateSet(values))
    .execute();
}

/** After a policy or calendar change: every open ticket is evaluated again on the next refresh. */
export async function markAllForRefresh(db: Db): Promise<void> {
  await sql`update ticket_sla s set computed_at = '-infinity' from tickets t where t.id = s.ticket_id and t.status <> 'closed'`.execute(db);
}

/** Events this recent are read again on the next refresh, in case an older transaction commits late. */
const SETTLE_MS = 60_000;
const BATCH = 500;

/**
 * Brings ticket_sla up to date with the history: every ticket with events after the watermark, and
 * every ticket marked by a policy change. Returns the tickets evaluated.
 */
export async function refreshTicketSla(db: Kysely<DB>, now: Date): Promise<number> {
  const policies = await loadPolicyRules(db);
  const mark = await db.selectFrom('sla_watermark').select('last_event_id').executeTakeFirst();
  const from = mark ? Number(mark.last_event_id) : 0;
  let evaluated = 0;
  let last = from;
  let settled = from;
  // The watermark stops at the first event still settling, so a late commit before it is read again.
  let blocked = false;
  const settleBefore = new Date(now.getTime() - SETTLE_MS);
  for (;;) {
    const rows = await db
      .selectFrom('ticket_events')
      .select(['id', 'ticket_id', 'created_at'])
      .where('id', '>', String(last))
      .orderBy('id')
      .limit(BATCH)
      .execute();
    if (!rows.length) break;
    const ids = [...new Set(rows.map((r) => r.ticket_id))];
    for (const id of ids) await storeTicketSla(db, id, await evaluateTicketSla(db, id, now, policies), now);
    evaluated += ids.length;
    for (const r of rows) {
      if (blocked || r.created_at >= settleBefore) blocked = true;
      else settled = Number(r.id);
    }
    last = Number(rows.at(-1)!.id);
  }
  for (;;) {
    const stale = await db.selectFrom('ticket_sla').select('ticket_id').where('computed_at', '=', sql<Date>`'-infinity'::timestamptz`).limit(BATCH).execute();
    if (!stale.length) break;
    for (const { ticket_id } of stale) await storeTicketSla(db, ticket_id, await evaluateTicketSla(db, ticket_id, now, policies), now);
    evaluated += stale.length;
  }
  if (settled !== from) {
    await db
      .insertInto('sla_watermark')
      .values({ id: true, last_event_id: settled })
      .onConflict((oc) => oc.column('id').doUpdateSet({ last_event_id: settled }))
      .execute();
  }
  return evaluated;
}
