import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { emailSchema, parseInput } from '../validation.js';
import { ticketRefSchema, updateTicketRow, withLockedTicket } from './ticket-changes.js';
import { authorizeOnTickets, presentTicket, recordEvent, type Ticket } from './ticket.js';

export const editTicketInput = z.object({
  ticket: ticketRefSchema,
  subject: z.string().trim().min(1, 'must not be empty').max(500, 'must be at most 500 characters').optional(),
  /** Move the ticket to another (existing, active) customer, e.g. when staff opened it for the wrong one. */
  customerEmail: emailSchema.optional(),
});
export type EditTicketInput = z.input<typeof editTicketInput>;

/** Corrects a ticket's subject or customer (staff); records `ticket.edited` with before and after. */
export async function editTicket(deps: Deps, actor: Actor, input: EditTicketInput): Promise<Ticket> {
  const data = parseInput(editTicketInput, input);
  authorizeOnTickets(actor, 'ticket.set_priority', data.ticket);
  if (data.subject === undefined && data.customerEmail === undefined) {
    throw new NexusError('VALIDATION_FAILED', 'Invalid input — subject: give a new subject or customer', { details: [{ path: 'subject', message: 'give a new subject or customer' }] });
  }
  return withLockedTicket(deps, actor, data.ticket, 'ticket.set_priority', async (trx, row, now) => {
    let customerId = row.customer_id;
    if (data.customerEmail !== undefined) {
      const customer = await trx.selectFrom('users').select(['id', 'role', 'is_disabled']).where('email', '=', data.customerEmail).executeTakeFirst();
      if (!customer) throw new NexusError('NOT_FOUND', `No user with the email ${data.customerEmail}`, { hint: 'Create the customer with `nexus users create` first.' });
      if (customer.role !== 'customer') {
        throw new NexusError('VALIDATION_FAILED', `Invalid input — customerEmail: must be a customer`, { details: [{ path: 'customerEmail', message: 'must be a customer' }] });
      }
      if (customer.is_disabled) throw new NexusError('CONFLICT', `The customer account ${data.customerEmail} is disabled`);
      customerId = customer.id;
    }
    const subject = data.subject ?? row.subject;
    if (subject === row.subject && customerId === row.customer_id) return presentTicket(trx, row);
    const updated = await updateTicketRow(trx, row, { subject, customer_id: customerId }, now);
    await recordEvent(trx, {
      ticketId: row.id,
      actorId: actor.id,
      type: 'ticket.edited',
      data: { before: { subject: row.subject, customerId: row.customer_id }, after: { subject, customerId } },
      at: now,
    });
    return presentTicket(trx, updated);
  });
}
