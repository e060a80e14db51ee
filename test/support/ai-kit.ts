import type { Kysely } from 'kysely';
import type { DB, TicketStatus } from '../../src/core/db/schema.js';
import type { Deps } from '../../src/core/deps.js';

/**
 * Seeding helpers for the AI pipeline's database tests and the injection eval: a ticket row and a
 * customer message stored the way the ticket use cases store them (hook called in the same
 * transaction). Not used by the product.
 */
export interface SeededTicket {
  id: string;
  number: number;
  customerId: string;
}

export async function seedTicket(
  db: Kysely<DB>,
  fields: { customerId: string; subject?: string; status?: TicketStatus; assigneeId?: string | null; aiEnabled?: boolean; at?: Date },
): Promise<SeededTicket> {
  const row = await db
    .insertInto('tickets')
    .values({
      subject: fields.subject ?? 'Help with my account',
      customer_id: fields.customerId,
      status: fields.status ?? 'open',
      assignee_id: fields.assigneeId ?? null,
      ai_enabled: fields.aiEnabled ?? true,
      ...(fields.at ? { created_at: fields.at, updated_at: fields.at } : {}),
      ...(fields.status === 'closed' ? { resolved_at: fields.at ?? new Date() } : {}),
    })
    .returning(['id', 'number', 'customer_id'])
    .executeTakeFirstOrThrow();
  return { id: row.id, number: row.number, customerId: row.customer_id };
}

/** Stores a customer message and runs the ticket hooks in the same transaction; returns its id. */
export async function addCustomerMessage(deps: Deps, ticket: SeededTicket, body: string, options: { isAutomated?: boolean; at?: Date } = {}): Promise<string> {
  return deps.db.transaction().execute(async (trx) => {
    const message = await trx
      .insertInto('messages')
      .values({ ticket_id: ticket.id, kind: 'customer', author_id: ticket.customerId, body, created_at: options.at ?? deps.clock.now() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await deps.hooks?.customerMessageAdded?.(trx, {
      ticketId: ticket.id,
      ticketNumber: ticket.number,
      messageId: message.id,
      authorId: ticket.customerId,
      isAutomated: options.isAutomated ?? false,
    });
    return message.id;
  });
}

/** Runs queued AI jobs until none is ready. */
export async function drainAiJobs(services: { ai: { runNextJob(): Promise<boolean> } }, max = 1000): Promise<number> {
  let n = 0;
  while (n < max && (await services.ai.runNextJob())) n++;
  return n;
}
