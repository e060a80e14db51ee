import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode, expectTicketNotFound, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('reopen ticket', () => {
  it('staff reopen a closed ticket: status open, resolved time cleared, event with before/after', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.close(agent, { ticket: ticket.number });
    const after = await t.services.tickets.reopen(agent, { ticket: ticket.number });
    expect(after).toMatchObject({ status: 'open', resolvedAt: null });
    const history = await t.services.tickets.history(agent, { ticket: ticket.number });
    expect(history.items.at(-1)).toMatchObject({ type: 'ticket.reopened', data: { before: { status: 'closed', resolvedAt: '2026-11-25T09:00:01.000Z' }, after: { status: 'open', resolvedAt: null } } });
  });

  it('CONFLICT when the ticket is not closed; NOT_FOUND for customers, like a missing number (they reopen by replying)', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    const error = await expectCode(t.services.tickets.reopen(agent, { ticket: ticket.number }), 'CONFLICT');
    expect(error.message).toContain('not closed');
    await t.services.tickets.close(agent, { ticket: ticket.number });
    await expectTicketNotFound(t.services.tickets.reopen(customer, { ticket: ticket.number }), ticket.number);
    expect((await t.services.tickets.view(agent, { ticket: ticket.number })).ticket.status).toBe('closed');
  });
});
