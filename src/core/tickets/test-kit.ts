// Helpers for the ticket test files (imported by *.db.test.ts only, never by the product).
import { expect } from 'vitest';
import type { TestDatabase } from '../../../test/support/db.js';
import type { Actor } from '../access/permissions.js';
import { NexusError, type ErrorCode } from '../errors.js';

export async function expectCode(promise: Promise<unknown>, code: ErrorCode): Promise<NexusError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error, `expected ${code}`).toBeInstanceOf(NexusError);
  expect((error as NexusError).code).toBe(code);
  return error as NexusError;
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
