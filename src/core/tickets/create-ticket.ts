import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { z } from 'zod';
import { authorize, isStaff, type Actor } from '../access/permissions.js';
import type { DB, RoutingRulesTable } from '../db/schema.js';
import { routeNewTicket } from '../routing/apply-routing.js';
import { rowToRule, type RoutingRule } from '../routing/routing-rule.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { emailSchema, parseInput } from '../validation.js';
import { announceCustomerMessage, insertMessage, messageBodySchema, updateTicketRow, type MessageRow } from './ticket-changes.js';
import { ticketFor } from './visibility.js';
import { presentTicket, recordEvent, rowToMessage, rowToTicket, TICKET_PRIORITIES, TICKET_SOURCES, type Message, type Ticket, type TicketRow } from './ticket.js';

export const createTicketInput = z.object({
  subject: z.string({ message: 'is required' }).trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters'),
  message: messageBodySchema,
  context: z
    .string()
    .trim()
    .max(200, 'must be at most 200 characters')
    .nullish()
    .transform((v) => (v ? v : null)),
  priority: z.enum(TICKET_PRIORITIES, { message: `must be one of ${TICKET_PRIORITIES.join(', ')}` }).default('medium'),
  source: z.enum(TICKET_SOURCES, { message: `must be one of ${TICKET_SOURCES.join(', ')}` }).default('api'),
  /** Staff only: open the ticket on behalf of this customer (created without a password if unknown). */
  customerEmail: emailSchema.optional(),
  /** Set by mail intake for auto-responders: the message never triggers an automatic reply. */
  isAutomated: z.boolean().default(false),
});
export type CreateTicketInput = z.input<typeof createTicketInput>;

export interface CreateTicketResult {
  /** False when the message continued one of the customer's open tickets with the same subject and context. */
  created: boolean;
  ticket: Ticket;
  message: Message;
}

async function resolveCustomer(trx: Transaction<DB>, actor: Actor, email: string | undefined, now: Date) {
  // Staff open tickets for someone: an agent or admin never silently becomes the customer (issue 8).
  if (email === undefined && isStaff(actor)) {
    throw new NexusError('VALIDATION_FAILED', 'Invalid input — customerEmail: is required when staff open a ticket (whose ticket is it?)', {
      details: [{ path: 'customerEmail', message: 'is required when staff open a ticket (whose ticket is it?)' }],
      hint: 'Name the customer, e.g. `--customer bo@example.com` (API: `customerEmail`).',
    });
  }
  if (email === undefined || email === actor.email) return { id: actor.id, email: actor.email, name: actor.name };
  authorize(actor, 'ticket.create_for_customer');
  const found = await trx.selectFrom('users').select(['id', 'email', 'name', 'role', 'is_disabled']).where('email', '=', email).executeTakeFirst();
  if (!found) {
    return trx
      .insertInto('users')
      .values({ email, role: 'customer', password_hash: null, created_at: now, updated_at: now })
      .returning(['id', 'email', 'name'])
      .executeTakeFirstOrThrow();
  }
  if (found.role !== 'customer') {
    throw new NexusError('VALIDATION_FAILED', `${email} is ${found.role === 'admin' ? 'an admin' : 'an agent'}, not a customer`, {
      details: [{ path: 'customerEmail', message: 'must be a customer' }],
    });
  }
  if (found.is_disabled) throw new NexusError('CONFLICT', `The customer account ${email} is disabled`, { hint: 'Enable it with `nexus users enable` first.' });
  return found;
}

type Opened =
  | { outcome: 'created'; ticket: TicketRow; message: MessageRow; rules: RoutingRule[] }
  | { outcome: 'existing'; ticket: TicketRow; rules: RoutingRule[] }
  | { outcome: 'existing' | 'routing'; ticket: null };

type OpenRow = TicketRow & { outcome: 'created' | 'existing' | 'routing'; message_id: string | null; message_created_at: Date | null; rules: unknown[] | null };
type RuleJson = Omit<Selectable<RoutingRulesTable>, 'created_at' | 'updated_at'> & { created_at: string; updated_at: string };

/**
 * Find-or-create in one statement (nexus_open_ticket, migration 20261202140100): the customer's lock, the
 * routing rules, then the customer's open ticket with this subject and context (locked), or a new ticket
 * with its first message and both history entries. Creating tickets is the API's busiest write, and each
 * round trip to the database costs more than the work it carries (issue 14's profile).
 * `alone`: the statement runs by itself, outside a transaction, and writes only a plain new ticket — one
 * no routing rule could touch; anything else comes back as 'existing' or 'routing' without a ticket.
 */
async function openTicket(
  db: Kysely<DB> | Transaction<DB>,
  input: { actorId: string; customerId: string; data: z.output<typeof createTicketInput>; now: Date; alone: boolean },
): Promise<Opened> {
  const { actorId, customerId, data, now, alone } = input;
  const created = { subject: data.subject, context: data.context, priority: data.priority, source: data.source, customerId, status: 'open' };
  const { rows } = await sql<OpenRow>`
    select o.outcome, (o.ticket).*, o.message_id, o.message_created_at, o.rules
    from nexus_open_ticket(${`nexus.ticket.create:${customerId}`}, ${customerId}::uuid, ${actorId}::uuid, ${data.subject}, ${data.subject.toLowerCase()},
                           ${data.context}::text, ${data.priority}, ${data.source}, ${data.message}, ${now}::timestamptz, ${JSON.stringify(created)}::jsonb, ${alone}) o`.execute(db);
  const { outcome, message_id, message_created_at, rules: ruleRows, ...ticket } = rows[0]!;
  if (outcome === 'routing' || ticket.id === null) return { outcome: outcome === 'existing' ? 'existing' : 'routing', ticket: null };
  const rules = ((ruleRows ?? []) as RuleJson[]).map((r) => rowToRule({ ...r, created_at: new Date(r.created_at), updated_at: new Date(r.updated_at) }));
  if (outcome === 'existing') return { outcome, ticket, rules };
  const message: MessageRow = { id: message_id!, ticket_id: ticket.id, kind: 'customer', author_id: customerId, body: data.message, created_at: message_created_at!, audience: 'everyone' };
  return { outcome, ticket, message, rules };
}

/** Desks (databases) where the last create found routing rules: their creates go straight to the transaction. */
const routedDesks = new WeakMap<Kysely<DB>, boolean>();

/**
 * Opens a ticket with its first message — the customer's words, stored as a customer message — or,
 * when the customer already has an open ticket with the same subject and context, continues that one.
 */
export async function createTicket(deps: Deps, actor: Actor, input: CreateTicketInput): Promise<CreateTicketResult> {
  authorize(actor, 'ticket.create');
  const data = parseInput(createTicketInput, input);
  // A customer's plain new ticket, on a desk without routing rules or anything else to do in the same
  // transaction (no customer-message hook, e.g. the AI off), is one statement on its own: no BEGIN and
  // no COMMIT round trips. Anything else the statement hands back untouched, to the transaction below.
  const mayGoAlone = data.customerEmail === undefined && !isStaff(actor) && !deps.hooks?.customerMessageAdded && !routedDesks.get(deps.db);
  if (mayGoAlone) {
    const customer = { id: actor.id, email: actor.email, name: actor.name };
    const opened = await openTicket(deps.db, { actorId: actor.id, customerId: customer.id, data, now: deps.clock.now(), alone: true });
    if (opened.outcome === 'created') {
      return { created: true, ticket: ticketFor(actor, rowToTicket(opened.ticket, { customer, assignee: null })), message: rowToMessage(opened.message, customer) };
    }
    if (opened.outcome === 'routing') routedDesks.set(deps.db, true);
  }
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const customer = await resolveCustomer(trx, actor, data.customerEmail, now);
    // One find-or-create at a time per customer, so two identical messages never open two tickets. The
    // routing rules a new ticket runs come in the same statement.
    const found = await openTicket(trx, { actorId: actor.id, customerId: customer.id, data, now, alone: false });
    if (found.ticket === null) throw new Error(`nexus_open_ticket answered ${found.outcome} without a ticket`);
    routedDesks.set(deps.db, found.rules.length > 0);
    if (found.outcome === 'created') {
      const { message, rules } = found;
      // Routing rules run on every new ticket, whatever the channel, in this transaction.
      const routed = await routeNewTicket(trx, found.ticket, { subject: data.subject, body: data.message, source: data.source, context: data.context, priority: data.priority, tags: [], customerEmail: customer.email }, now, rules);
      const ticket = routed.row;
      await announceCustomerMessage(deps, trx, ticket, message, data.isAutomated);
      // A new ticket that no rule changed has no assignee and its customer is known: no need to read them back.
      const presented = routed.changed ? await presentTicket(trx, ticket) : rowToTicket(ticket, { customer, assignee: null });
      return { created: true, ticket: ticketFor(actor, presented), message: rowToMessage(message, customer) };
    }
    const existing = found.ticket;
    // A customer writing again on a pending ticket hands the turn back to the desk.
    const ticket = await updateTicketRow(trx, existing, existing.status === 'pending' ? { status: 'open' } : {}, now);
    const message = await insertMessage(trx, { ticketId: ticket.id, kind: 'customer', authorId: customer.id, body: data.message, at: now });
    await recordEvent(trx, { ticketId: ticket.id, actorId: actor.id, type: 'ticket.message_added', data: { messageId: message.id, kind: 'customer', source: data.source }, at: now });
    if (existing.status === 'pending') {
      await recordEvent(trx, { ticketId: ticket.id, actorId: actor.id, type: 'ticket.status_changed', data: { reason: 'customer_reply', before: { status: 'pending' }, after: { status: 'open' } }, at: now });
    }
    await announceCustomerMessage(deps, trx, ticket, message, data.isAutomated);
    return { created: false, ticket: ticketFor(actor, await presentTicket(trx, ticket)), message: rowToMessage(message, customer) };
  });
}
