import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { eventTypes, expectCode, expectTicketNotFound, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('tickets edit (issue 8 item 9)', () => {
  it('Given staff, when they correct the subject and the customer, then the ticket changes and one event records before/after', async () => {
    const [cara, dee, agent] = [await t.user('customer'), await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, cara, 'Refnud', 'typo in the subject');
    const edited = await t.services.tickets.edit(agent, { ticket: ticket.number, subject: 'Refund', customerEmail: dee.email });
    expect(edited).toMatchObject({ number: ticket.number, subject: 'Refund', customer: { email: dee.email } });
    expect((await eventTypes(t, ticket.number)).at(-1)).toBe('ticket.edited');
    const unchanged = await t.services.tickets.edit(agent, { ticket: ticket.number, subject: 'Refund' });
    expect((await eventTypes(t, ticket.number)).filter((e) => e === 'ticket.edited')).toHaveLength(1);
    expect(unchanged.subject).toBe('Refund');
  });

  it('Given a non-customer or nothing to change, then it is refused; a customer gets the ticket NOT_FOUND', async () => {
    const [cara, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, cara);
    expect((await expectCode(t.services.tickets.edit(agent, { ticket: ticket.number, customerEmail: agent.email }), 'VALIDATION_FAILED')).details).toEqual([{ path: 'customerEmail', message: 'must be a customer' }]);
    await expectCode(t.services.tickets.edit(agent, { ticket: ticket.number }), 'VALIDATION_FAILED');
    await expectTicketNotFound(t.services.tickets.edit(cara, { ticket: ticket.number, subject: 'mine' }), ticket.number);
  });
});
