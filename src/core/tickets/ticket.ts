import type { Kysely, Selectable, Transaction } from 'kysely';
import { authorize, can, isStaff, type Actor, type Permission } from '../access/permissions.js';
import type { DB, MessageKind, MessagesTable, TicketPriority, TicketsTable, TicketSource, TicketStatus } from '../db/schema.js';
import { NexusError } from '../errors.js';
import { currentSlaSummary, type TicketSlaSummary } from '../sla/sla-summary.js';

export const TICKET_STATUSES = ['open', 'pending', 'escalated', 'assigned', 'closed'] as const satisfies readonly TicketStatus[];
export const TICKET_PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const satisfies readonly TicketPriority[];
export const TICKET_SOURCES = ['web', 'email', 'api', 'cli'] as const satisfies readonly TicketSource[];
export const MESSAGE_KINDS = ['customer', 'agent', 'ai', 'system', 'internal'] as const satisfies readonly MessageKind[];

/** The public shape of a ticket (JSON, API). `number` is the human id (#1042). */
export interface Ticket {
  number: number;
  subject: string;
  context: string | null;
  status: TicketStatus;
  priority: TicketPriority;
  source: TicketSource;
  customer: Person;
  assignee: Person | null;
  aiEnabled: boolean;
  createdAt: string;
  updatedAt: string;
  firstResponseAt: string | null;
  lastResponseAt: string | null;
  resolvedAt: string | null;
  deletedAt: string | null;
  /** The SLA state and next due time; null until the ticket's SLA was first evaluated. */
  sla: TicketSlaSummary | null;
}

export interface Message {
  id: string;
  kind: MessageKind;
  author: Person | null;
  body: string;
  /** False for internal notes and staff-only system notes (see visibility.ts). */
  visibleToCustomer: boolean;
  createdAt: string;
}

/**
 * Someone on a ticket. `email` is null where the viewer may not see it (a customer looking at staff);
 * `name` is null when none is on file.
 */
export interface Person {
  id: string;
  email: string | null;
  name: string | null;
}

/** A users row as a Person: an empty name is absent (null). */
export const toPerson = (user: { id: string; email: string; name: string | null }): Person => ({ id: user.id, email: user.email, name: user.name || null });

export type TicketRow = Selectable<TicketsTable>;
type PersonRow = { id: string; email: string; name: string | null };

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

/** The fields a ticket's document copies from its row as they are (rowToTicket and the list's page rows). */
export const ticketBasics = (row: Pick<TicketRow, 'number' | 'subject' | 'context' | 'status' | 'priority' | 'source'>) => ({
  number: row.number,
  subject: row.subject,
  context: row.context,
  status: row.status,
  priority: row.priority,
  source: row.source,
});

export function rowToTicket(row: TicketRow, people: { customer: PersonRow; assignee: PersonRow | null }): Ticket {
  return {
    ...ticketBasics(row),
    customer: toPerson(people.customer),
    assignee: people.assignee ? toPerson(people.assignee) : null,
    aiEnabled: row.ai_enabled,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
    firstResponseAt: iso(row.first_response_at),
    lastResponseAt: iso(row.last_response_at),
    resolvedAt: iso(row.resolved_at),
    deletedAt: iso(row.deleted_at),
    sla: null,
  };
}

export function rowToMessage(row: Selectable<MessagesTable>, author: PersonRow | null): Message {
  return {
    id: row.id,
    kind: row.kind,
    author: author ? toPerson(author) : null,
    body: row.body,
    visibleToCustomer: row.kind !== 'internal' && row.audience === 'everyone',
    createdAt: row.created_at.toISOString(),
  };
}

/**
 * Loads the customer, assignee and SLA of a ticket row and maps it to the public shape. The SLA is
 * read as of `now` (by default the row's last change, which is now for the use case that made it).
 */
export async function presentTicket(db: Kysely<DB>, row: TicketRow, now: Date = row.updated_at): Promise<Ticket> {
  const ids = [row.customer_id, ...(row.assignee_id ? [row.assignee_id] : [])];
  const people = await db.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', ids).execute();
  const byId = new Map(people.map((p) => [p.id, p]));
  const sla = await currentSlaSummary(db, row, now);
  return { ...rowToTicket(row, { customer: byId.get(row.customer_id)!, assignee: row.assignee_id ? (byId.get(row.assignee_id) ?? null) : null }), sla };
}

export const ticketNotFound = (number: number | string): NexusError =>
  new NexusError('NOT_FOUND', `Ticket #${number} not found`, { hint: 'List tickets with `nexus tickets list`.' });

/**
 * Loads a ticket by its human number for `actor` and checks `permission` on it. A ticket the actor may
 * not see (another customer's, or in the trash for a customer) is NOT_FOUND, exactly like a missing one.
 * Pass `forUpdate` inside a transaction to lock the row against concurrent changes.
 */
export async function loadTicket(
  db: Kysely<DB> | Transaction<DB>,
  actor: Actor,
  number: number,
  permission: Permission,
  options: { forUpdate?: boolean; includeDeleted?: boolean } = {},
): Promise<TicketRow> {
  if (!Number.isSafeInteger(number) || number <= 0) throw ticketNotFound(number);
  let query = db.selectFrom('tickets').selectAll().where('number', '=', number);
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw ticketNotFound(number);
  if (row.deleted_at && !(options.includeDeleted && isStaff(actor))) throw ticketNotFound(number);
  if (!isStaff(actor) && row.customer_id !== actor.id) throw ticketNotFound(number);
  authorize(actor, permission, { ownerId: row.customer_id, notFound: `Ticket #${number}` });
  return row;
}

/**
 * For a staff-only action on named tickets. To a customer, staff tools on tickets do not exist: the
 * answer is the ticket's NOT_FOUND, the same for their own ticket, another customer's and a missing
 * number (like GitHub answering 404 for admin routes), so no number's existence shows. Staff without the
 * permission (an agent purging) get FORBIDDEN.
 */
export function authorizeOnTickets(actor: Actor, permission: Permission, tickets: number | readonly number[]): void {
  if (can(actor, permission)) return;
  const first = typeof tickets === 'number' ? tickets : tickets[0];
  if (!isStaff(actor) && first !== undefined) throw ticketNotFound(first);
  authorize(actor, permission);
}

/** Appends one entry to the ticket history. Call inside the use case's transaction. */
export async function recordEvent(
  db: Kysely<DB> | Transaction<DB>,
  event: { ticketId: string; actorId: string | null; type: string; data?: Record<string, unknown>; at: Date },
): Promise<void> {
  await db
    .insertInto('ticket_events')
    .values({ ticket_id: event.ticketId, actor_id: event.actorId, type: event.type, data: JSON.stringify(event.data ?? {}), created_at: event.at })
    .execute();
}
