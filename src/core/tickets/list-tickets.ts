import { sql, type RawBuilder } from 'kysely';
import { z } from 'zod';
import { authorize, can, isStaff, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import type { SlaStateName } from '../sla/sla-clock.js';
import { SLA_FILTERS, slaDueSortKey, slaFilterCondition } from '../sla/ticket-list-sla.js';
import { refreshTicketSla } from '../sla/ticket-sla-store.js';
import { StatementTemplates } from '../db/statement-templates.js';
import { isoFromUtcText, utcText } from '../db/utc-text.js';
import { emailSchema, parseInput } from '../validation.js';
import { decodeCursor, encodeCursor, TICKET_SORTS, type TicketSort } from './ticket-cursor.js';
import { ensureSearchLanguage, relevanceCandidates, RELEVANCE_CANDIDATES, searchLanguageColumn, searchSnippet, searchTerms, snippetOf, type SearchScope, type SnippetColumns } from './ticket-search.js';
import { personFor } from './visibility.js';
import { TICKET_PRIORITIES, TICKET_STATUSES, ticketBasics, toPerson, type Ticket, type TicketRow } from './ticket.js';

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

/** A ticket in a list: with the highlighted excerpt that matched when searching, else null. */
export type ListedTicket = Ticket & { snippet: string | null };

export interface TicketPage {
  items: ListedTicket[];
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
      // `rank` is a column of the candidate set a relevance search ranks (see listTickets).
      return { key: sql`t.rank`, cast: 'real', descending: true };
    case 'due':
      return { key: slaDueSortKey, cast: 'timestamptz', descending: false };
    default: {
      const unhandled: never = sort;
      throw new Error(`unhandled sort ${String(unhandled)}`);
    }
  }
}

/** The parsed input of a plain list (no filters: the defaults), parsed once. */
let plainInput: z.output<typeof listTicketsInput> | undefined;

const isEmpty = (input: object): boolean => {
  for (const _ in input) return false;
  return true;
};

/**
 * One page of tickets for `actor`, filtered, searched and sorted, with keyset pagination.
 * Customers only ever see their own tickets outside the trash.
 */
export async function listTickets(deps: Deps, actor: Actor, input: ListTicketsInput = {}): Promise<TicketPage> {
  authorize(actor, 'ticket.list');
  const data = isEmpty(input) ? (plainInput ??= Object.freeze(parseInput(listTicketsInput, {}))) : parseInput(listTicketsInput, input);
  if (data.tag !== undefined) authorize(actor, 'tags.view');
  if (data.category !== undefined) authorize(actor, 'categories.view');
  const sort: TicketSort = data.sort ?? (data.q ? 'relevance' : '-created');
  if (sort === 'relevance' && !data.q) {
    throw new NexusError('VALIDATION_FAILED', 'Invalid input — sort: relevance needs a search (q)', { details: [{ path: 'sort', message: 'relevance needs a search (q)' }] });
  }
  const cursor = data.cursor === undefined ? undefined : decodeCursor(data.cursor, sort);

  // SLA filters and the due sort read the stored SLA columns: bring them up to date first.
  if (data.sla !== undefined || sort === 'due') await refreshTicketSla(deps.db, deps.clock.now());
  const scope: SearchScope | null = data.q ? { q: data.q, language: deps.config.search.language, includeInternal: can(actor, 'ticket.view_internal') } : null;

  // One statement per page, no transaction: the page is read-only. Its people, stored SLA, snippets and (for
  // a search) the language of the stored documents come with it: each round trip costs an API request
  // more than the work it carries (issue 14's profile).
  const values = pageValues(actor, data, cursor);
  const build = (v: PageValues) => pageQuery(deps, actor, data, sort, cursor, scope, v);
  // Plain pages (no search, no SLA filter) reuse the statement compiled for their shape (statement-templates.ts).
  const shape = scope || data.sla !== undefined ? null : pageShape(actor, data, sort, cursor);
  const run = async () =>
    (shape === null ? await build(values).execute() : (await deps.db.executeQuery(pageTemplates.compile(shape, values, build))).rows) as PageRow[];
  let rows = await run();
  // The documents follow `search.language`: rebuilt (once) when the setting changed, then searched again.
  // A search that found nothing checks too, as its statement had no row to carry the stored language.
  if (scope && rows[0]?.search_language !== scope.language && (await ensureSearchLanguage(deps.db, scope.language))) rows = await run();
  const page = rows.slice(0, data.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > data.limit && last ? encodeCursor({ sort, key: last.sort_key, number: last.number }) : null;
  const nowIso = deps.clock.now().toISOString();
  return { items: page.map((row) => listedTicket(actor, row, nowIso, scope)), nextCursor };
}

/**
 * A page row as its document, built once (the same document as ticketFor(rowToTicket(…)) with the stored
 * SLA summarised as of now): its timestamps arrive as UTC text (utc-text.ts), not as Dates.
 */
function listedTicket(actor: Actor, row: PageRow, nowIso: string, scope: SearchScope | null): ListedTicket {
  const dueAt = isoFromUtcText(row.sla_due_at);
  return {
    ...ticketBasics(row),
    customer: personFor(actor, toPerson({ id: row.customer_id, email: row.customer_email, name: row.customer_name })),
    assignee: row.assignee_id && row.assignee_email !== null ? personFor(actor, toPerson({ id: row.assignee_id, email: row.assignee_email, name: row.assignee_name })) : null,
    aiEnabled: row.ai_enabled,
    createdAt: isoFromUtcText(row.created_at),
    updatedAt: isoFromUtcText(row.updated_at),
    firstResponseAt: isoFromUtcText(row.first_response_at),
    lastResponseAt: isoFromUtcText(row.last_response_at),
    resolvedAt: isoFromUtcText(row.resolved_at),
    deletedAt: isoFromUtcText(row.deleted_at),
    // ISO texts of one format order as their instants: a running target due before now is breached.
    sla: row.sla_state === null ? null : { state: row.sla_state === 'running' && dueAt !== null && dueAt < nowIso ? 'breached' : row.sla_state, dueAt },
    snippet: scope ? snippetOf(row) : null,
  };
}

/** A row of the page: the ticket, its sort key, its people, its stored SLA and (searching) its snippet. */
type PageRow = Pick<TicketRow, 'number' | 'subject' | 'context' | 'status' | 'priority' | 'source' | 'customer_id' | 'assignee_id' | 'ai_enabled'> &
  SnippetColumns & {
    /** The timestamps as UTC text (utcText), for isoFromUtcText. */
    created_at: string;
    updated_at: string;
    first_response_at: string | null;
    last_response_at: string | null;
    resolved_at: string | null;
    deleted_at: string | null;
    sort_key: string | null;
    customer_email: string;
    customer_name: string | null;
    assignee_email: string | null;
    assignee_name: string | null;
    sla_state: SlaStateName | null;
    sla_due_at: string | null;
    search_language?: string;
  };

type Cursor = ReturnType<typeof decodeCursor>;

/** The values of a page statement: everything in it that is not its shape. */
type PageValues = {
  actorId: string;
  status: NonNullable<z.output<typeof listTicketsInput>['status']>;
  priority: NonNullable<z.output<typeof listTicketsInput>['priority']>;
  /** An agent's email (lower case) when the filter names one. */
  assignee: string | undefined;
  customer: string | undefined;
  context: string | undefined;
  tag: string | undefined;
  category: string | undefined;
  from: Date | undefined;
  to: Date | undefined;
  cursorKey: string | null | undefined;
  cursorNumber: number | undefined;
  /** The page size plus one (the row that tells whether there is a next page). */
  rows: number;
};

const pageTemplates = new StatementTemplates();

function pageValues(actor: Actor, data: z.output<typeof listTicketsInput>, cursor: Cursor | undefined): PageValues {
  const who = data.assignee?.toLowerCase();
  return {
    actorId: actor.id,
    status: data.status ?? [],
    priority: data.priority ?? [],
    assignee: who === undefined || who === 'none' || who === '@me' ? undefined : who,
    customer: data.customer,
    context: data.context,
    tag: data.tag?.toLowerCase(),
    category: data.category?.toLowerCase(),
    from: data.from,
    to: data.to,
    cursorKey: cursor?.key,
    cursorNumber: cursor?.number,
    rows: data.limit + 1,
  };
}

/** What decides a page statement's SQL text (not its values); the key of its compiled template. */
function pageShape(actor: Actor, data: z.output<typeof listTicketsInput>, sort: TicketSort, cursor: Cursor | undefined): string {
  const who = data.assignee?.toLowerCase();
  const assignee = who === undefined || who === 'none' || who === '@me' ? (who ?? '') : 'email';
  const present = [data.customer, data.context, data.tag, data.category, data.from, data.to, cursor].map((v) => (v === undefined ? 0 : 1)).join('');
  return `${isStaff(actor) ? 'staff' : 'customer'} ${sort} ${data.status?.length ?? 0} ${data.priority?.length ?? 0} ${assignee} ${present}`;
}

/** The ticket's timestamps, read as UTC text. */
const PAGE_TIMESTAMPS = ['created_at', 'updated_at', 'first_response_at', 'last_response_at', 'resolved_at', 'deleted_at'] as const;

/** The list's fields that search, order or page; every other field of listTicketsInput narrows the tickets. */
const NOT_FILTERS: ReadonlySet<string> = new Set(['q', 'sort', 'limit', 'cursor'] satisfies (keyof z.output<typeof listTicketsInput>)[]);

/**
 * Whether a list narrows the tickets by anything of theirs (a relevance search without any ranks documents
 * chosen alone). Read from the input's fields, so a filter added to listTicketsInput counts here too.
 */
function filtersTickets(data: z.output<typeof listTicketsInput>): boolean {
  return Object.entries(data).some(([field, value]) => !NOT_FILTERS.has(field) && value !== undefined && !(Array.isArray(value) && value.length === 0));
}

/** The one statement of a page: the tickets (filtered, searched, sorted, after the cursor), then their details. */
function pageQuery(deps: Deps, actor: Actor, data: z.output<typeof listTicketsInput>, sort: TicketSort, cursor: Cursor | undefined, scope: SearchScope | null, v: PageValues) {
  const db = deps.db;
  let spec = sortSpec(sort);
  /** The order again over the page's own columns, for the outer statement that adds the details. */
  const outer = spec;
  let query = db.selectFrom('tickets as t').selectAll('t').where('t.deleted_at', 'is', null);
  // A search reads the ticket's stored document (ticket_search, one row per ticket, GIN-indexed).
  const search = scope ? searchTerms(scope) : null;
  // Newest matches first: walk the search documents in creation order (ticket_search_recent_idx), reading
  // a ticket only when its document matches. ticket_search.created_at and .number copy the ticket's.
  const recent = search !== null && (sort === '-created' || sort === 'created');
  // A relevance search without filters picks its candidates among the documents alone, then reads their tickets
  // (see relevanceCandidates). Newest-first ones keep the join: the planner walks the documents in creation
  // order and reads a ticket per match, cheaper for a rare phrase than that set's GIN lookups (issue 14).
  const documentsOnly = search !== null && sort === 'relevance' && isStaff(actor) && !filtersTickets(data);
  if (search && documentsOnly) {
    query = db
      .selectFrom(relevanceCandidates(search).as('s'))
      .innerJoin('tickets as t', 't.id', 's.ticket_id')
      .selectAll('t') as unknown as typeof query;
  } else if (search) query = query.innerJoin('ticket_search as s', 's.ticket_id', 't.id').where(search.matches);
  if (recent) spec = { ...spec, key: sql`s.created_at` };
  const tie = sql.ref(recent ? 's.number' : 't.number');
  if (!isStaff(actor)) query = query.where('t.customer_id', '=', v.actorId);
  if (data.status?.length) query = query.where('t.status', 'in', v.status);
  if (data.priority?.length) query = query.where('t.priority', 'in', v.priority);
  if (data.assignee !== undefined) {
    const who = data.assignee.toLowerCase();
    if (who === 'none') query = query.where('t.assignee_id', 'is', null);
    else if (who === '@me') query = query.where('t.assignee_id', '=', v.actorId);
    else query = query.where(sql<boolean>`t.assignee_id = (select id from users where email = ${v.assignee})`);
  }
  if (data.customer !== undefined) query = query.where(sql<boolean>`t.customer_id = (select id from users where email = ${v.customer})`);
  if (data.context !== undefined) query = query.where('t.context', '=', v.context!);
  if (data.tag !== undefined) {
    query = query.where(sql<boolean>`exists (select 1 from ticket_tags tt join tags g on g.id = tt.tag_id where tt.ticket_id = t.id and lower(g.name) = ${v.tag})`);
  }
  if (data.category !== undefined) {
    query = query.where(sql<boolean>`t.category_id in (select id from categories where lower(name) = ${v.category})`);
  }
  if (data.sla !== undefined) query = query.where(slaFilterCondition(data.sla, deps.clock.now()));
  if (data.from) query = query.where('t.created_at', '>=', v.from!);
  if (data.to) query = query.where('t.created_at', '<', v.to!);
  if (search && sort === 'relevance') {
    // Relevance ranks a bounded candidate set: the most recent matches (after every filter), so a word
    // found in half the threads costs the same as a rare one. Below that many matches it ranks them all.
    // Without filters the documents were already chosen (relevanceCandidates), and are only ranked here.
    const candidates = documentsOnly
      ? query.select(search.rank.as('rank'))
      : query.select(search.rank.as('rank')).orderBy(sql`s.created_at desc`).orderBy(sql`s.number desc`).limit(RELEVANCE_CANDIDATES);
    // The same columns under the same alias `t` (plus `rank`), so the sorting and paging below apply unchanged.
    query = db.selectFrom(candidates.as('t')).selectAll('t') as unknown as typeof query;
  }
  const selected = query.select(spec.key ? sql<string>`(${spec.key})::text`.as('sort_key') : sql<null>`null`.as('sort_key'));
  query = selected as unknown as typeof query;
  if (cursor) {
    const op = sql.raw(spec.descending ? '<' : '>');
    query = spec.key
      ? query.where(sql<boolean>`(${spec.key}, ${tie}) ${op} (${v.cursorKey}::${sql.raw(spec.cast)}, ${v.cursorNumber})`)
      : query.where(sql<boolean>`${tie} ${op} ${v.cursorNumber}`);
  }
  const direction = sql.raw(spec.descending ? 'desc' : 'asc');
  if (spec.key) query = query.orderBy(sql`${spec.key} ${direction}`);
  query = query.orderBy(sql`${tie} ${direction}`).limit(v.rows);

  // The page (at most limit + 1 rows) as `t`, joined to its people and stored SLA, ordered again the same way
  // over `t`'s own columns (a search's s.created_at and s.number are copies of the ticket's).
  let details = db
    .selectFrom(query.as('t'))
    .innerJoin('users as cu', 'cu.id', 't.customer_id')
    .leftJoin('users as au', 'au.id', 't.assignee_id')
    .leftJoin('ticket_sla as sl', 'sl.ticket_id', 't.id')
    .select(['t.number', 't.subject', 't.context', 't.status', 't.priority', 't.source', 't.customer_id', 't.assignee_id', 't.ai_enabled'])
    .select(sql<string | null>`t.sort_key`.as('sort_key'))
    .select(PAGE_TIMESTAMPS.map((column) => utcText(`t.${column}`).as(column)))
    .select(utcText('sl.due_at').as('sla_due_at'))
    .select(['cu.email as customer_email', 'cu.name as customer_name', 'au.email as assignee_email', 'au.name as assignee_name', 'sl.state as sla_state']);
  if (scope) {
    // The snippets are made for the page's rows only, and the stored language rides along (see ensureSearchLanguage).
    details = details
      .leftJoin(searchSnippet(scope), (join) => join.onTrue())
      .select(['sn.snippet_source', 'sn.snippet_folded', 'sn.snippet_headline'])
      .select(searchLanguageColumn.as('search_language')) as unknown as typeof details;
  }
  if (outer.key) details = details.orderBy(sql`${outer.key} ${direction}`);
  return details.orderBy(sql`t.number ${direction}`);
}
