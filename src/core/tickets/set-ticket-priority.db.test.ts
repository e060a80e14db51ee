import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { eventTypes, expectCode, expectTicketNotFound, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('set ticket priority', () => {
  it('changes the priority with a before/after event; the same priority changes nothing', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await expect(t.services.tickets.setPriority(agent, { ticket: ticket.number, priority: 'urgent' })).resolves.toMatchObject({ priority: 'urgent' });
    await t.services.tickets.setPriority(agent, { ticket: ticket.number, priority: 'urgent' });
    const history = await t.services.tickets.history(agent, { ticket: ticket.number });
    expect(history.items.filter((e) => e.type === 'ticket.priority_changed')).toEqual([
      expect.objectContaining({ data: { before: { priority: 'medium' }, after: { priority: 'urgent' } } }),
    ]);
  });

  it('an invalid priority is VALIDATION_FAILED listing the allowed values', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    const error = await expectCode(t.services.tickets.setPriority(agent, { ticket: ticket.number, priority: 'critical' as never }), 'VALIDATION_FAILED');
    expect(error.message).toContain('must be one of low, medium, high, urgent');
    expect(await eventTypes(t, ticket.number)).not.toContain('ticket.priority_changed');
  });

  it('is hidden from customers: NOT_FOUND on their own ticket, exactly like a missing number', async () => {
    const customer = await t.user('customer');
    const ticket = await openTicket(t, customer);
    await expectTicketNotFound(t.services.tickets.setPriority(customer, { ticket: ticket.number, priority: 'urgent' }), ticket.number);
    expect((await t.services.tickets.view(customer, { ticket: ticket.number })).ticket.priority).toBe(ticket.priority);
  });
});
