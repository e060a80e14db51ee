import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { emailSchema, parseInput } from '../validation.js';
import { announceCustomerMessage, insertMessage, messageBodySchema, updateTicketRow } from './ticket-changes.js';
import { presentTicket, recordEvent, rowToMessage, TICKET_PRIORITIES, TICKET_SOURCES, type Message, type Ticket } from './ticket.js';

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
    // One find-or-create at a time per customer, so two identical messages never open two tickets.
    await sql`select pg_advisory_xact_lock(hashtext(${`nexus.ticket.create:${customer.id}`}))`.execute(trx);
    const existing = await trx
      .selectFrom('tickets')
      .selectAll()
      .where('customer_id', '=', customer.id)
      .where('deleted_at', 'is', null)
      .where('status', '<>', 'closed')
      .where(sql`lower(subject)`, '=', data.subject.toLowerCase())
      .where(sql<boolean>`context is not distinct from ${data.context}`)
      .orderBy('created_at', 'desc')
      .limit(1)
      .forUpdate()
      .executeTakeFirst();
    let ticket = existing;
    if (!ticket) {
      ticket = await trx
        .insertInto('tickets')
        .values({
          subject: data.subject,
          context: data.context,
          priority: data.priority,
          source: data.source,
          customer_id: customer.id,
          created_at: now,
          updated_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordEvent(trx, {
        ticketId: ticket.id,
        actorId: actor.id,
        type: 'ticket.created',
        data: { subject: data.subject, context: data.context, priority: data.priority, source: data.source, customerId: customer.id, status: 'open' },
        at: now,
      });
    } else {
      // A customer writing again on a pending ticket hands the turn back to the desk.
      ticket = await updateTicketRow(trx, ticket, ticket.status === 'pending' ? { status: 'open' } : {}, now);
    }
    const message = await insertMessage(trx, { ticketId: ticket.id, kind: 'customer', authorId: customer.id, body: data.message, at: now });
    await recordEvent(trx, { ticketId: ticket.id, actorId: actor.id, type: 'ticket.message_added', data: { messageId: message.id, kind: 'customer', source: data.source }, at: now });
    await announceCustomerMessage(deps, trx, ticket, message, data.isAutomated);
    return { created: existing === undefined, ticket: await presentTicket(trx, ticket), message: rowToMessage(message, customer) };
  });
}
