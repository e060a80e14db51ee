import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { eventTypes, expectCode, expectTicketNotFound, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('assign ticket', () => {
  it('assigns to an agent by email (any case): status assigned, a system message and an event with before/after', async () => {
    const [customer, admin, agent] = [await t.user('customer'), await t.user('admin'), await t.user('agent', 'ana@example.com', { name: 'Ana' })];
    const ticket = await openTicket(t, customer);
    const after = await t.services.tickets.assign(admin, { ticket: ticket.number, agent: 'ANA@example.com' });
    expect(after).toMatchObject({ status: 'assigned', assignee: { id: agent.id, email: 'ana@example.com', name: 'Ana' } });
    const history = await t.services.tickets.history(admin, { ticket: ticket.number });
    expect(history.items.at(-1)).toMatchObject({
      type: 'ticket.assigned',
      actor: { email: admin.email },
      data: { before: { assigneeId: null, status: 'open' }, after: { assigneeId: agent.id, status: 'assigned' } },
    });
    // Assignment churn is staff-only (issue 8): staff read the line, the customer never does.
    const staffThread = await t.services.tickets.view(admin, { ticket: ticket.number });
    expect(staffThread.messages.at(-1)).toMatchObject({ kind: 'system', body: 'Assigned to Ana.', visibleToCustomer: false });
    const thread = await t.services.tickets.view(customer, { ticket: ticket.number });
    expect(thread.messages.map((m) => m.body)).not.toContain('Assigned to Ana.');
    expect(thread.messages.at(-1)).toMatchObject({ kind: 'customer' });
  });

  it('@me assigns to the acting agent; assigning the current assignee again records nothing', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.assign(agent, { ticket: ticket.number, agent: '@me' });
    const again = await t.services.tickets.assign(agent, { ticket: ticket.number, agent: agent.email });
    expect(again.assignee?.id).toBe(agent.id);
    expect((await eventTypes(t, ticket.number)).filter((e) => e === 'ticket.assigned')).toHaveLength(1);
  });

  it('an admin can be assigned', async () => {
    const [customer, admin] = [await t.user('customer'), await t.user('admin')];
    const ticket = await openTicket(t, customer);
    await expect(t.services.tickets.assign(admin, { ticket: ticket.number, agent: admin.email })).resolves.toMatchObject({ assignee: { id: admin.id } });
  });

  it('refuses a customer (VALIDATION_FAILED), a disabled agent (CONFLICT), an unknown email (NOT_FOUND) and a closed ticket (CONFLICT)', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const disabled = await t.user('agent', 'off@example.com', { disabled: true });
    const ticket = await openTicket(t, customer);
    const asCustomer = await expectCode(t.services.tickets.assign(agent, { ticket: ticket.number, agent: customer.email }), 'VALIDATION_FAILED');
    expect(asCustomer.message).toContain('is a customer');
    const asDisabled = await expectCode(t.services.tickets.assign(agent, { ticket: ticket.number, agent: disabled.email }), 'CONFLICT');
    expect(asDisabled.message).toContain('disabled');
    await expectCode(t.services.tickets.assign(agent, { ticket: ticket.number, agent: 'ghost@example.com' }), 'NOT_FOUND');
    await t.services.tickets.close(agent, { ticket: ticket.number });
    await expectCode(t.services.tickets.assign(agent, { ticket: ticket.number, agent: '@me' }), 'CONFLICT');
    expect((await eventTypes(t, ticket.number)).filter((e) => e === 'ticket.assigned')).toHaveLength(0);
  });

  it('is hidden from customers: NOT_FOUND on their own ticket, exactly like a missing number', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await expectTicketNotFound(t.services.tickets.assign(customer, { ticket: ticket.number, agent: agent.email }), ticket.number);
    expect((await t.services.tickets.view(agent, { ticket: ticket.number })).ticket.status).toBe('open');
  });
});
