import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode, openTicket } from './test-kit.js';

const t = useTestDatabase();

describe('reopen ticket', () => {
  it('staff reopen a closed ticket: status open, resolved time cleared, event with before/after', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.close(agent, { ticket: ticket.number });
    const after = await t.services.tickets.reopen(agent, { ticket: ticket.number });
    expect(after).toMatchObject({ status: 'open', resolvedAt: null });
    const history = await t.services.tickets.history(agent, { ticket: ticket.number });
    expect(history.events.at(-1)).toMatchObject({ type: 'ticket.reopened', data: { before: { status: 'closed', resolvedAt: '2026-11-25T09:00:01.000Z' }, after: { status: 'open', resolvedAt: null } } });
  });

  it('CONFLICT when the ticket is not closed; FORBIDDEN for customers (they reopen by replying)', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    const error = await expectCode(t.services.tickets.reopen(agent, { ticket: ticket.number }), 'CONFLICT');
    expect(error.message).toContain('not closed');
    await t.services.tickets.close(agent, { ticket: ticket.number });
    await expectCode(t.services.tickets.reopen(customer, { ticket: ticket.number }), 'FORBIDDEN');
  });
});
