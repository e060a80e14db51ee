// Helpers for the ticket test files (imported by *.db.test.ts only, never by the product).
import { expect } from 'vitest';
import type { TestDatabase } from './db.js';
import type { Actor } from '../../src/core/access/permissions.js';
import { NexusError, type ErrorCode } from '../../src/core/errors.js';
import { ticketNotFound } from '../../src/core/tickets/ticket.js';

export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<NexusError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(NexusError);
  expect((error as NexusError).code).toBe(code);
  return error as NexusError;
}

/**
 * Asserts the answer is byte for byte the one for a missing ticket `number`: code NOT_FOUND and the same
 * message, hint and details (what a customer gets from staff-only actions, on any ticket).
 */
export async function expectTicketNotFound(promise: Promise<unknown>, number: number): Promise<NexusError> {
  const error = await expectCode(promise, 'NOT_FOUND');
  const answer = (e: NexusError) => ({ code: e.code, message: e.message, hint: e.hint, details: e.details });
  expect(answer(error)).toEqual(answer(ticketNotFound(number)));
  return error;
}

/** A customer's new ticket; the clock moves a second on so later writes sort after it. */
export async function openTicket(t: TestDatabase, customer: Actor, subject = 'Cannot log in', message = 'The login page says my password is wrong.') {
  const result = await t.services.tickets.create(customer, { subject, message, source: 'web' });
  t.clock.advance(1000);
  return result.ticket;
}

export async function eventTypes(t: TestDatabase, number: number): Promise<string[]> {
  const rows = await t.db
    .selectFrom('ticket_events as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .select('e.type')
    .where('t.number', '=', number)
    .orderBy('e.id')
    .execute();
  return rows.map((r) => r.type);
}
