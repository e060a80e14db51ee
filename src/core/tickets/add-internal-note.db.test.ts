import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { eventTypes, expectCode, expectTicketNotFound, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('internal notes', () => {
  it('given staff, stores an internal message that is not a response and not visible to the customer', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    const note = await t.services.tickets.note(agent, { ticket: ticket.number, body: 'VIP, handle with care' });
    expect(note).toMatchObject({ kind: 'internal', body: 'VIP, handle with care', author: { id: agent.id } });
    const staffView = await t.services.tickets.view(agent, { ticket: ticket.number });
    expect(staffView.messages.map((m) => m.kind)).toEqual(['customer', 'internal']);
    expect(staffView.ticket).toMatchObject({ firstResponseAt: null, assignee: null, status: 'open' });
    const customerView = await t.services.tickets.view(customer, { ticket: ticket.number });
    expect(customerView.messages.map((m) => m.kind)).toEqual(['customer']);
    expect(await eventTypes(t, ticket.number)).toContain('ticket.note_added');
  });

  it('is hidden from customers, even on their own ticket: NOT_FOUND, exactly like a missing number', async () => {
    const customer = await t.user('customer');
    const ticket = await openTicket(t, customer);
    await expectTicketNotFound(t.services.tickets.note(customer, { ticket: ticket.number, body: 'x' }), ticket.number);
    const staffView = await t.services.tickets.view(await t.user('agent'), { ticket: ticket.number });
    expect(staffView.messages.map((m) => m.kind)).toEqual(['customer']);
  });

  it('unknown ticket is NOT_FOUND; empty note is VALIDATION_FAILED', async () => {
    const agent = await t.user('agent');
    await expectCode(t.services.tickets.note(agent, { ticket: 4242, body: 'x' }), 'NOT_FOUND');
    await expectCode(t.services.tickets.note(agent, { ticket: 4242, body: ' ' }), 'VALIDATION_FAILED');
  });
});
