import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { eventsOf, failureOf, seedTicket } from '../../../test/support/catalogue-fixtures.js';
import { expectTicketNotFound } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('time entries', () => {
  it('logs entries and reports them oldest first with all and billable totals', async () => {
    const agent = await t.user('agent', 'ana@example.com');
    const admin = await t.user('admin');
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    const first = await t.services.tickets.logTime(agent, { ticket: ticket.number, minutes: 30, type: 'work', billable: true, description: ' Fixed it ' });
    expect(first).toMatchObject({
      ticketNumber: ticket.number,
      entry: { minutes: 30, type: 'work', billable: true, description: 'Fixed it', user: { email: 'ana@example.com' }, createdAt: '2026-11-25T09:00:00.000Z' },
      totals: { totalMinutes: 30, billableMinutes: 30 },
    });
    t.clock.advance(60_000);
    await t.services.tickets.logTime(admin, { ticket: ticket.number, minutes: '15', type: 'research' });
    const listed = await t.services.tickets.listTime(agent, { ticket: ticket.number });
    expect(listed.items.map((e) => [e.minutes, e.type, e.billable])).toEqual([
      [30, 'work', true],
      [15, 'research', false],
    ]);
    expect(listed.totals).toEqual({ totalMinutes: 45, billableMinutes: 30 });
    expect((await eventsOf(t.db, ticket.id)).map((e) => [e.type, e.data.minutes])).toEqual([
      ['ticket.time_logged', 30],
      ['ticket.time_logged', 15],
    ]);
  });

  it('a ticket with no time has zero totals', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    await expect(t.services.tickets.listTime(agent, { ticket: ticket.number })).resolves.toEqual({ items: [], nextCursor: null, ticketNumber: ticket.number, totals: { totalMinutes: 0, billableMinutes: 0 } });
  });

  it.each([
    [{ minutes: 0 }, 'minutes'],
    [{ minutes: -5 }, 'minutes'],
    [{ minutes: 1441 }, 'minutes'],
    [{ minutes: 1.5 }, 'minutes'],
    [{ minutes: 10, type: 'sleeping' }, 'type'],
    [{ minutes: 10, description: 'x'.repeat(2001) }, 'description'],
  ])('refuses %j and names the field', async (fields, field) => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    const failure = await failureOf(t.services.tickets.logTime(agent, { ticket: ticket.number, ...(fields as { minutes: number }) }));
    expect(failure.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(failure.details)).toContain(`"path":"${field}"`);
    expect(await t.db.selectFrom('time_entries').selectAll().execute()).toEqual([]);
  });

  it('accepts exactly 24 hours', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    await expect(t.services.tickets.logTime(agent, { ticket: ticket.number, minutes: 1440 })).resolves.toMatchObject({ totals: { totalMinutes: 1440 } });
  });

  it('customers can neither log nor see time (NOT_FOUND, exactly like a missing number, on their own ticket); unknown tickets are NOT_FOUND', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    await expectTicketNotFound(t.services.tickets.logTime(customer, { ticket: ticket.number, minutes: 5 }), ticket.number);
    await expectTicketNotFound(t.services.tickets.listTime(customer, { ticket: ticket.number }), ticket.number);
    expect((await t.services.tickets.listTime(agent, { ticket: ticket.number })).items).toEqual([]);
    expect((await failureOf(t.services.tickets.logTime(agent, { ticket: 424242, minutes: 5 }))).code).toBe('NOT_FOUND');
  });
});
