import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { authorize, isStaff, type Actor } from '../access/permissions.js';
import type { DB } from '../db/schema.js';
import { lockCustomerAndLoadRules, routeNewTicket } from '../routing/apply-routing.js';
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

type FindOrInsert = { created: true; ticket: TicketRow; message: MessageRow } | { created: false; existing: TicketRow };

/**
 * Find-or-create in one statement: the customer's open ticket with this subject and context (locked),
 * or a new ticket with its first message and both history entries. Creating tickets is the API's
 * busiest write, and each round trip to the database costs more than the work it carries. The caller
 * holds the customer's advisory lock, taken in an earlier statement, so this statement's snapshot
 * already sees any ticket a concurrent create committed.
 */
async function findOrInsertTicket(
  trx: Transaction<DB>,
  input: { actorId: string; customerId: string; data: z.output<typeof createTicketInput>; now: Date },
): Promise<FindOrInsert> {
  const { actorId, customerId, data, now } = input;
  const created = { subject: data.subject, context: data.context, priority: data.priority, source: data.source, customerId, status: 'open' };
  const { rows } = await sql<TicketRow & { created: boolean; message_id: string | null; message_created_at: Date | null }>`
    with existing as (
      select * from tickets
      where customer_id = ${customerId} and deleted_at is null and status <> 'closed'
        and lower(subject) = ${data.subject.toLowerCase()} and context is not distinct from ${data.context}::text
      order by created_at desc
      limit 1
      for update
    ), t as (
      insert into tickets (subject, context, priority, source, customer_id, created_at, updated_at)
      select ${data.subject}, ${data.context}, ${data.priority}, ${data.source}, ${customerId}, ${now}, ${now}
      where not exists (select 1 from existing)
      returning *
    ), m as (
      insert into messages (ticket_id, kind, author_id, body, created_at)
      select t.id, 'customer', ${customerId}, ${data.message}, ${now} from t
      returning id, created_at
    ), e as (
      insert into ticket_events (ticket_id, actor_id, type, data, created_at)
      select t.id, ${actorId}::uuid, 'ticket.created', ${JSON.stringify(created)}::jsonb, ${now}::timestamptz from t
      union all
      select t.id, ${actorId}::uuid, 'ticket.message_added',
             jsonb_build_object('messageId', m.id, 'kind', 'customer', 'source', ${data.source}::text), ${now}::timestamptz
      from t, m
    )
    select true as created, t.*, m.id as message_id, m.created_at as message_created_at from t, m
    union all
    select false, existing.*, null::uuid, null::timestamptz from existing`.execute(trx);
  const { created: isNew, message_id, message_created_at, ...ticket } = rows[0]!;
  if (!isNew) return { created: false, existing: ticket };
  const message: MessageRow = { id: message_id!, ticket_id: ticket.id, kind: 'customer', author_id: customerId, body: data.message, created_at: message_created_at!, audience: 'everyone' };
  return { created: true, ticket, message };
}

/**
 * Opens a ticket with its first message — the customer's words, stored as a customer message — or,
 * when the customer already has an open ticket with the same subject and context, continues that one.
 */
export async function createTicket(deps: Deps, actor: Actor, input: CreateTicketInput): Promise<CreateTicketResult> {
  authorize(actor, 'ticket.create');
  const data = parseInput(createTicketInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const now = deps.clock.now();
    const customer = await resolveCustomer(trx, actor, data.customerEmail, now);
    // One find-or-create at a time per customer, so two identical messages never open two tickets. The
    // routing rules a new ticket runs come in the same round trip.
    const rules = await lockCustomerAndLoadRules(trx, `nexus.ticket.create:${customer.id}`);
    const found = await findOrInsertTicket(trx, { actorId: actor.id, customerId: customer.id, data, now });
    if (found.created) {
      const { message } = found;
      // Routing rules run on every new ticket, whatever the channel, in this transaction.
      const routed = await routeNewTicket(trx, found.ticket, { subject: data.subject, body: data.message, source: data.source, context: data.context, priority: data.priority, tags: [], customerEmail: customer.email }, now, rules);
      const ticket = routed.row;
      await announceCustomerMessage(deps, trx, ticket, message, data.isAutomated);
      // A new ticket that no rule changed has no assignee and its customer is known: no need to read them back.
      const presented = routed.changed ? await presentTicket(trx, ticket) : rowToTicket(ticket, { customer, assignee: null });
      return { created: true, ticket: ticketFor(actor, presented), message: rowToMessage(message, customer) };
    }
    const existing = found.existing;
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
