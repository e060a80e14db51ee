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

type PolicyRules = (SlaPolicyRule & { warnPercent: number })[];

/** The current rules and every earlier rule set with the moment it took effect (null: from the beginning). */
export interface RuleBook {
  current: PolicyRules;
  versions: { validFrom: number | null; rules: PolicyRules }[];
}

export async function loadRuleBook(db: Db): Promise<RuleBook> {
  const [current, versions] = await Promise.all([
    loadPolicyRules(db),
    sql<{ valid_from: Date | null; rules: unknown }>`
      select case when valid_from = '-infinity' then null else valid_from end as valid_from, rules
      from sla_rule_versions order by valid_from, id`.execute(db),
  ]);
  return {
    current,
    versions: versions.rows.map((r) => ({ validFrom: r.valid_from ? r.valid_from.getTime() : null, rules: (typeof r.rules === 'string' ? JSON.parse(r.rules) : r.rules) as PolicyRules })),
  };
}

/** The rule set in force at a moment: the last one recorded at or before it (the current rules if none is). */
export function rulesAt(book: RuleBook, at: Date): PolicyRules {
  let found: PolicyRules | null = null;
  for (const v of book.versions) if (v.validFrom === null || v.validFrom <= at.getTime()) found = v.rules;
  return found ?? book.current;
}

/**
 * After a change of the policies or of a calendar they use (in its transaction): the new rule set is
 * recorded with the moment it takes effect, and every open ticket is evaluated again on the next refresh.
 * Closed tickets keep the rules they were closed under (a re-opened one is judged by the current ones).
 */
export async function recordRulesChange(db: Db, now: Date): Promise<void> {
  const rules = await loadPolicyRules(db);
  await db.insertInto('sla_rule_versions').values({ valid_from: now, rules: JSON.stringify(rules) }).execute();
  await markAllForRefresh(db);
}

/** When the ticket was last closed, if it is closed as of `now`. */
function closedAt(events: readonly SlaEvent[], now: Date): Date | null {
  let closed: Date | null = null;
  const ordered = [...events].sort((a, b) => a.at.getTime() - b.at.getTime());
  for (const e of ordered) {
    if (e.at.getTime() > now.getTime()) break;
    if (e.type === 'created' || e.type === 'status') closed = e.status === 'closed' ? (closed ?? e.at) : null;
  }
  return closed;
}

/**
 * The one evaluation of a ticket's SLA: its history, the rules, now. An open ticket is judged by the
 * current rules; a closed one by the rules in force when it was closed.
 */
export async function evaluateTicketSla(db: Db, ticketId: string, now: Date, book?: RuleBook): Promise<SlaResult> {
  const rows = await db.selectFrom('ticket_events').select(['type', 'data', 'created_at']).where('ticket_id', '=', ticketId).orderBy('id').execute();
  const events = toSlaEvents(rows);
  const closed = closedAt(events, now);
  const books = book ?? (closed ? await loadRuleBook(db) : { current: await loadPolicyRules(db), versions: [] });
  const rules = closed ? rulesAt(books, closed) : books.current;
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

/** Every open ticket is evaluated again on the next refresh. */
async function markAllForRefresh(db: Db): Promise<void> {
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
  // One round trip answers the usual case, nothing to do (every report and `sla check` asks first).
  const { rows: marks } = await sql<{ mark: string | number; has_events: boolean; has_stale: boolean }>`
    select w.mark, exists (select 1 from ticket_events e where e.id > w.mark) as has_events,
      exists (select 1 from ticket_sla s where s.computed_at = '-infinity'::timestamptz) as has_stale
    from (select coalesce((select last_event_id from sla_watermark), 0) as mark) w`.execute(db);
  const from = Number(marks[0]!.mark);
  if (!marks[0]!.has_events && !marks[0]!.has_stale) return 0;
  const book = await loadRuleBook(db);
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
    for (const id of ids) await storeTicketSla(db, id, await evaluateTicketSla(db, id, now, book), now);
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
    for (const { ticket_id } of stale) await storeTicketSla(db, ticket_id, await evaluateTicketSla(db, ticket_id, now, book), now);
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
