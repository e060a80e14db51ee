import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode, expectTicketNotFound, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('unassign ticket', () => {
  it('clears the assignee and puts an assigned ticket back to open, with an event', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.assign(agent, { ticket: ticket.number, agent: '@me' });
    const after = await t.services.tickets.unassign(agent, { ticket: ticket.number });
    expect(after).toMatchObject({ status: 'open', assignee: null });
    const history = await t.services.tickets.history(agent, { ticket: ticket.number });
    expect(history.items.at(-1)).toMatchObject({ type: 'ticket.unassigned', data: { before: { assigneeId: agent.id, status: 'assigned' }, after: { assigneeId: null, status: 'open' } } });
  });

  it('keeps a closed ticket closed', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.assign(agent, { ticket: ticket.number, agent: '@me' });
    await t.services.tickets.close(agent, { ticket: ticket.number });
    await expect(t.services.tickets.unassign(agent, { ticket: ticket.number })).resolves.toMatchObject({ status: 'closed', assignee: null });
  });

  it('CONFLICT when nobody is assigned; NOT_FOUND for customers, like a missing number', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await expectCode(t.services.tickets.unassign(agent, { ticket: ticket.number }), 'CONFLICT');
    await expectTicketNotFound(t.services.tickets.unassign(customer, { ticket: ticket.number }), ticket.number);
  });
});
