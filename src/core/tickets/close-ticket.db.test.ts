import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('close ticket', () => {
  it('sets status closed and the resolved time, keeping the assignee, with an event', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.assign(agent, { ticket: ticket.number, agent: '@me' });
    t.clock.set('2026-11-25T10:00:00Z');
    const after = await t.services.tickets.close(agent, { ticket: ticket.number });
    expect(after).toMatchObject({ status: 'closed', resolvedAt: '2026-11-25T10:00:00.000Z', assignee: { id: agent.id } });
    const history = await t.services.tickets.history(agent, { ticket: ticket.number });
    expect(history.items.at(-1)).toMatchObject({ type: 'ticket.closed', data: { before: { status: 'assigned' }, after: { status: 'closed', resolvedAt: '2026-11-25T10:00:00.000Z' } } });
  });

  it('a customer may close their own ticket, not another\'s', async () => {
    const [ana, bo] = [await t.user('customer'), await t.user('customer')];
    const ticket = await openTicket(t, ana);
    await expectCode(t.services.tickets.close(bo, { ticket: ticket.number }), 'NOT_FOUND');
    await expect(t.services.tickets.close(ana, { ticket: ticket.number })).resolves.toMatchObject({ status: 'closed' });
  });

  it('CONFLICT when already closed; NOT_FOUND for an unknown number', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.close(agent, { ticket: ticket.number });
    await expectCode(t.services.tickets.close(agent, { ticket: ticket.number }), 'CONFLICT');
    await expectCode(t.services.tickets.close(agent, { ticket: 5000 }), 'NOT_FOUND');
  });
});
