import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode, expectTicketNotFound, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('ticket history', () => {
  it('lists every change oldest first with actor email, type, data and time', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.setPriority(agent, { ticket: ticket.number, priority: 'high' });
    t.clock.advance(1000);
    await t.services.tickets.close(agent, { ticket: ticket.number });
    const history = await t.services.tickets.history(agent, { ticket: `#${ticket.number}` });
    expect(history.ticketNumber).toBe(ticket.number);
    expect(history.items.map((e) => [e.type, e.actor?.email, e.createdAt])).toEqual([
      ['ticket.created', customer.email, '2026-11-25T09:00:00.000Z'],
      ['ticket.message_added', customer.email, '2026-11-25T09:00:00.000Z'],
      ['ticket.priority_changed', agent.email, '2026-11-25T09:00:01.000Z'],
      ['ticket.closed', agent.email, '2026-11-25T09:00:02.000Z'],
    ]);
    expect(history.items[0]!.data).toMatchObject({ subject: 'Cannot log in', priority: 'medium', source: 'web' });
  });

  it('is staff only: the ticket\'s customer gets NOT_FOUND exactly like a missing number; unknown numbers are NOT_FOUND', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await expectTicketNotFound(t.services.tickets.history(customer, { ticket: ticket.number }), ticket.number);
    await expectCode(t.services.tickets.history(agent, { ticket: 7777 }), 'NOT_FOUND');
  });
});
