import { sql, type Kysely, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { authorize, can, isStaff, type Actor } from '../access/permissions.js';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { loadSlaSummaries, type TicketSlaSummary } from '../sla/sla-summary.js';
import { SLA_FILTERS, slaDueSortKey, slaFilterCondition } from '../sla/ticket-list-sla.js';
import { refreshTicketSla } from '../sla/ticket-sla-store.js';
import { emailSchema, parseInput } from '../validation.js';
import { decodeCursor, encodeCursor, TICKET_SORTS, type TicketSort } from './ticket-cursor.js';
import { ticketFor } from './visibility.js';
import { rowToTicket, TICKET_PRIORITIES, TICKET_STATUSES, type Ticket, type TicketRow } from './ticket.js';

/** Accepts a list or a comma-separated string (`open,pending`), as query strings and flags give it. */
const listOf = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess(
    (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
    z.array(z.enum(values, { message: `must be one of ${values.join(', ')}` })).optional(),
  );

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const instant = (endOfDay: boolean) =>
  z.preprocess(
    (v) => (typeof v === 'string' && DATE_ONLY.test(v) && endOfDay ? new Date(Date.parse(`${v}T00:00:00Z`) + 86_400_000) : v),
    z.coerce.date({ message: 'must be a date or time, e.g. 2026-11-25 or 2026-11-25T09:00:00Z' }).optional(),
  );

export const listTicketsInput = z.object({
  status: listOf(TICKET_STATUSES),
  priority: listOf(TICKET_PRIORITIES),
  /** `@me`, `none`, or an agent's email. */
  assignee: z.string().trim().min(1).optional(),
  customer: emailSchema.optional(),
  context: z.string().trim().min(1).max(200).optional(),
  tag: z.string().trim().min(1).max(50).optional(),
  category: z.string().trim().min(1).max(100).optional(),
  /** Created at or after. */
  from: instant(false),
  /** Created before; a bare date includes that whole day (UTC). */
  to: instant(true),
  /** Full-text search over the subject and the thread (web-search syntax: words, "phrases", -not, or). */
  q: z.string().trim().min(1).max(500).optional(),
  /** Default `-created`, or `relevance` when searching. */
  sort: z.enum(TICKET_SORTS, { message: `must be one of ${TICKET_SORTS.join(', ')}` }).optional(),
  limit: z.coerce.number({ message: 'must be a number from 1 to 100' }).int('must be a whole number').min(1, 'must be at least 1').max(100, 'must be at most 100').default(25),
  cursor: z.string().trim().min(1).optional(),
  /** Only tickets whose SLA is breached, or due soon (past the warning share). */
  sla: z.enum(SLA_FILTERS, { message: `must be one of ${SLA_FILTERS.join(', ')}` }).optional(),
});
export type ListTicketsInput = z.input<typeof listTicketsInput>;

export interface TicketPage {
  items: Ticket[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

interface SortSpec {
  /** The ordering key besides the ticket number, or null when the number alone orders. */
  key: RawBuilder<unknown> | null;
  /** The Postgres type the key's text form is cast back to in a cursor. */
  cast: string;
  descending: boolean;
}

const PRIORITY_RANK = sql`array_position(array['urgent', 'high', 'medium', 'low']::text[], t.priority)`;

function sortSpec(sort: TicketSort): SortSpec {
  switch (sort) {
    case '-created':
      return { key: sql`t.created_at`, cast: 'timestamptz', descending: true };
    case 'created':
      return { key: sql`t.created_at`, cast: 'timestamptz', descending: false };
    case '-updated':
      return { key: sql`t.updated_at`, cast: 'timestamptz', descending: true };
    case 'priority':
      return { key: PRIORITY_RANK, cast: 'integer', descending: false };
    case 'number':
      return { key: null, cast: 'integer', descending: false };
    case 'relevance':
      return { key: sql`h.rank`, cast: 'real', descending: true };
    case 'due':
      return { key: slaDueSortKey, cast: 'timestamptz', descending: false };
    default: {
      const unhandled: never = sort;
      throw new Error(`unhandled sort ${String(unhandled)}`);
    }
  }
}

interface SearchScope {
  q: string;
  includeInternal: boolean;
  /** Restricts the search to one customer's tickets before ranking (customers search only their own). */
  customerId: string | null;
}

/** The text-search parts: subjects and visible messages, optionally limited to one customer's tickets. */
function searchParts(scope: SearchScope) {
  const query = sql`websearch_to_tsquery('simple', ${scope.q})`;
  const visible = scope.includeInternal ? sql`` : sql`and m.kind <> 'internal'`;
  const ownSubjects = scope.customerId ? sql`and s.customer_id = ${scope.customerId}` : sql``;
  const ownMessages = scope.customerId ? sql`and m.ticket_id in (select id from tickets where customer_id = ${scope.customerId})` : sql``;
  // `search_vector` is stored and GIN-indexed on both tables (migration 20261126000100).
  return {
    subjects: (rank: boolean) =>
      sql`select s.id as ticket_id${rank ? sql`, ts_rank(setweight(s.search_vector, 'A'), ${query}) as rank` : sql``}
            from tickets s where s.search_vector @@ ${query} ${ownSubjects}`,
    messages: (rank: boolean) =>
      sql`select m.ticket_id${rank ? sql`, ts_rank(m.search_vector, ${query}) as rank` : sql``}
            from messages m where m.search_vector @@ ${query} ${visible} ${ownMessages}`,
  };
}

/** Tickets matching a search, ranked by their subject (weighted up) plus their visible messages. */
function rankedHits(scope: SearchScope): RawBuilder<{ ticket_id: string; rank: number }> {
  const parts = searchParts(scope);
  return sql`(select u.ticket_id, sum(u.rank)::real as rank from (${parts.subjects(true)} union all ${parts.messages(true)}) u group by u.ticket_id)`;
}

/** Tickets matching a search when another order is asked for: no ranking work at all. */
function matchingIds(scope: SearchScope): RawBuilder<boolean> {
  const parts = searchParts(scope);
  return sql<boolean>`t.id in (${parts.subjects(false)} union ${parts.messages(false)})`;
}

/**
 * One page of tickets for `actor`, filtered, searched and sorted, with keyset pagination.
 * Customers only ever see their own tickets outside the trash.
 */
export async function listTickets(deps: Deps, actor: Actor, input: ListTicketsInput = {}): Promise<TicketPage> {
  authorize(actor, 'ticket.list');
  const data = parseInput(listTicketsInput, input);
  if (data.tag !== undefined) authorize(actor, 'tags.view');
  if (data.category !== undefined) authorize(actor, 'categories.view');
  const sort: TicketSort = data.sort ?? (data.q ? 'relevance' : '-created');
  if (sort === 'relevance' && !data.q) {
    throw new NexusError('VALIDATION_FAILED', 'Invalid input — sort: relevance needs a search (q)', { details: [{ path: 'sort', message: 'relevance needs a search (q)' }] });
  }
  const spec = sortSpec(sort);
  const cursor = data.cursor === undefined ? undefined : decodeCursor(data.cursor, sort);

  // SLA filters and the due sort read the stored SLA columns: bring them up to date first.
  if (data.sla !== undefined || sort === 'due') await refreshTicketSla(deps.db, deps.clock.now());
  return deps.db.transaction().execute(async (db) => {
    let query = db
      .selectFrom('tickets as t')
      .selectAll('t')
      .select(spec.key ? sql<string>`(${spec.key})::text`.as('sort_key') : sql<null>`null`.as('sort_key'))
      .where('t.deleted_at', 'is', null);
    if (data.q) {
      const scope = { q: data.q, includeInternal: can(actor, 'ticket.view_internal'), customerId: isStaff(actor) ? null : actor.id };
      if (sort === 'relevance') query = query.innerJoin(rankedHits(scope).as('h'), 'h.ticket_id', 't.id');
      else query = query.where(matchingIds(scope));
    }
    if (!isStaff(actor)) query = query.where('t.customer_id', '=', actor.id);
    if (data.status?.length) query = query.where('t.status', 'in', data.status);
    if (data.priority?.length) query = query.where('t.priority', 'in', data.priority);
    if (data.assignee !== undefined) {
      const who = data.assignee.toLowerCase();
      if (who === 'none') query = query.where('t.assignee_id', 'is', null);
      else if (who === '@me') query = query.where('t.assignee_id', '=', actor.id);
      else query = query.where(sql<boolean>`t.assignee_id = (select id from users where email = ${who})`);
    }
    if (data.customer !== undefined) query = query.where(sql<boolean>`t.customer_id = (select id from users where email = ${data.customer})`);
    if (data.context !== undefined) query = query.where('t.context', '=', data.context);
    if (data.tag !== undefined) {
      query = query.where(sql<boolean>`exists (select 1 from ticket_tags tt join tags g on g.id = tt.tag_id where tt.ticket_id = t.id and lower(g.name) = ${data.tag.toLowerCase()})`);
    }
    if (data.category !== undefined) {
      query = query.where(sql<boolean>`t.category_id in (select id from categories where lower(name) = ${data.category.toLowerCase()})`);
    }
    if (data.sla !== undefined) query = query.where(slaFilterCondition(data.sla, deps.clock.now()));
    if (data.from) query = query.where('t.created_at', '>=', data.from);
    if (data.to) query = query.where('t.created_at', '<', data.to);
    if (cursor) {
      const op = sql.raw(spec.descending ? '<' : '>');
      query = spec.key
        ? query.where(sql<boolean>`(${spec.key}, t.number) ${op} (${cursor.key}::${sql.raw(spec.cast)}, ${cursor.number})`)
        : query.where(sql<boolean>`t.number ${op} ${cursor.number}`);
    }
    const direction = spec.descending ? 'desc' : 'asc';
    if (spec.key) query = query.orderBy(sql`${spec.key} ${sql.raw(direction)}`);
    query = query.orderBy('t.number', direction).limit(data.limit + 1);

    const rows = await query.execute();
    const page = rows.slice(0, data.limit);
    const last = page.at(-1);
    const nextCursor = rows.length > data.limit && last ? encodeCursor({ sort, key: last.sort_key, number: last.number }) : null;
    return { items: (await presentTickets(db, page, deps.clock.now())).map((t) => ticketFor(actor, t)), nextCursor };
  });
}

/** Maps many rows at once, loading every customer and assignee (and, given `now`, the stored SLA) in one query each. */
export async function presentTickets(db: Kysely<DB>, rows: TicketRow[], now?: Date): Promise<Ticket[]> {
  const ids = [...new Set(rows.flatMap((r) => (r.assignee_id ? [r.customer_id, r.assignee_id] : [r.customer_id])))];
  const people = ids.length ? await db.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', ids).execute() : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  const slas = now ? await loadSlaSummaries(db, rows.map((r) => r.id), now) : new Map<string, TicketSlaSummary>();
  return rows.map((row) => {
    const { sort_key: _key, ...ticket } = row as TicketRow & { sort_key?: unknown };
    const mapped = rowToTicket(ticket as TicketRow, {
      customer: byId.get(row.customer_id)!,
      assignee: row.assignee_id ? (byId.get(row.assignee_id) ?? null) : null,
    });
    return { ...mapped, sla: slas.get(row.id) ?? null };
  });
}
