import { sql, type Selectable, type Transaction, type Updateable } from 'kysely';
import { z } from 'zod';
import { isStaff, type Actor, type Permission } from '../access/permissions.js';
import type { DB, MessageAudience, MessageKind, MessagesTable, TicketsTable } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { loadTicket, type TicketRow } from './ticket.js';
import { systemMessages, type SystemNote } from './visibility.js';

/** A ticket's human number as people type it: 1042 or "#1042". */
export const ticketRefSchema = z.preprocess(
  (value) => (typeof value === 'string' && /^\s*#?\d+\s*$/.test(value) ? Number(value.trim().replace(/^#/, '')) : value),
  z.number({ message: 'must be a ticket number, e.g. 1042' }).int('must be a whole ticket number, e.g. 1042').positive('must be a ticket number, e.g. 1042').max(2_147_483_647, 'is not a ticket number'),
);

export const messageBodySchema = z
  .string({ message: 'is required' })
  .trim()
  .min(1, 'must not be empty')
  .max(100_000, 'must be at most 100,000 characters');

export type MessageRow = Selectable<MessagesTable>;

export async function insertMessage(
  trx: Transaction<DB>,
  message: { ticketId: string; kind: MessageKind; authorId: string | null; body: string; at: Date; audience?: MessageAudience },
): Promise<MessageRow> {
  // A thread is ordered by time: a message never sorts before one already in it, even when both were
  // written within the same clock tick (callers hold the ticket's row lock).
  const createdAt = sql<Date>`greatest(${message.at}::timestamptz, (select max(created_at) + interval '1 microsecond' from messages where ticket_id = ${message.ticketId}))`;
  return trx
    .insertInto('messages')
    .values({ ticket_id: message.ticketId, kind: message.kind, author_id: message.authorId, body: message.body, created_at: createdAt, audience: message.audience ?? 'everyone' })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Writes a system note into the thread, one message per audience (see visibility.ts); returns the first. */
export async function insertSystemNote(
  trx: Transaction<DB>,
  note: { ticketId: string; authorId: string | null; at: Date; note: SystemNote },
): Promise<MessageRow> {
  const rows: MessageRow[] = [];
  for (const line of systemMessages(note.note)) {
    rows.push(await insertMessage(trx, { ticketId: note.ticketId, kind: 'system', authorId: note.authorId, body: line.body, audience: line.audience, at: note.at }));
  }
  return rows[0]!;
}

/** Writes changed columns of a locked ticket row (always bumping updated_at) and returns the new row. */
export async function updateTicketRow(trx: Transaction<DB>, row: TicketRow, changes: Updateable<TicketsTable>, at: Date): Promise<TicketRow> {
  return trx
    .updateTable('tickets')
    .set({ ...changes, updated_at: at })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Lets other capabilities react to a stored customer message, inside the same transaction. */
export async function announceCustomerMessage(deps: Deps, trx: Transaction<DB>, ticket: TicketRow, message: MessageRow, isAutomated = false): Promise<void> {
  await deps.hooks?.customerMessageAdded?.(trx, {
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    messageId: message.id,
    authorId: message.author_id ?? ticket.customer_id,
    isAutomated,
  });
}

/** i10: lets other capabilities (email) react to a stored agent or AI reply, inside the same transaction. */
export async function announceStaffMessage(deps: Deps, trx: Transaction<DB>, ticket: Pick<TicketRow, 'id' | 'number'>, message: Pick<MessageRow, 'id' | 'author_id' | 'body'>, kind: 'agent' | 'ai'): Promise<void> {
  await deps.hooks?.staffMessageAdded?.(trx, { ticketId: ticket.id, ticketNumber: ticket.number, messageId: message.id, kind, authorId: message.author_id, body: message.body });
}

/**
 * Resolves who a ticket may be assigned to: an active agent or admin, by email or `@me`.
 * A customer is invalid input; a disabled account is a conflict with its current state.
 */
export async function findAssignableStaff(trx: Transaction<DB>, actor: Actor, who: string): Promise<{ id: string; email: string; name: string }> {
  const email = who.trim().toLowerCase();
  if (email === '@me') {
    if (!isStaff(actor)) throw new NexusError('VALIDATION_FAILED', 'Only agents and admins can be assigned tickets');
    return { id: actor.id, email: actor.email, name: actor.name };
  }
  const user = await trx.selectFrom('users').select(['id', 'email', 'name', 'role', 'is_disabled']).where('email', '=', email).executeTakeFirst();
  if (!user) {
    throw new NexusError('NOT_FOUND', `No user with the email ${email}`, { hint: 'List agents with `nexus users list --role agent`.' });
  }
  if (user.role === 'customer') {
    throw new NexusError('VALIDATION_FAILED', `${user.email} is a customer; tickets can only be assigned to agents and admins`, {
      details: [{ path: 'agent', message: 'must be an agent or admin' }],
    });
  }
  if (user.is_disabled) {
    throw new NexusError('CONFLICT', `${user.email} is disabled and cannot be assigned tickets`, { hint: 'Enable the account with `nexus users enable` first.' });
  }
  return { id: user.id, email: user.email, name: user.name };
}

export const closedConflict = (number: number, action: string): NexusError =>
  new NexusError('CONFLICT', `Ticket #${number} is closed; reopen it before you ${action}`, { hint: `Run \`nexus tickets reopen ${number}\`.` });

/** Runs `change` in one transaction on the ticket's row, locked against concurrent changes. */
export async function withLockedTicket<T>(
  deps: Deps,
  actor: Actor,
  number: number,
  permission: Permission,
  change: (trx: Transaction<DB>, row: TicketRow, now: Date) => Promise<T>,
): Promise<T> {
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadTicket(trx, actor, number, permission, { forUpdate: true });
    return change(trx, row, deps.clock.now());
  });
}
