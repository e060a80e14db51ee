import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('escalate ticket', () => {
  it('a customer asks for a human: status escalated, assignee cleared, a system message with the reason, an event', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.assign(agent, { ticket: ticket.number, agent: '@me' });
    const after = await t.services.tickets.escalate(customer, { ticket: ticket.number, reason: 'The bot is not helping' });
    expect(after).toMatchObject({ status: 'escalated', assignee: null });
    // The customer reads that a person will answer; the reason is for staff (issue 8).
    const thread = await t.services.tickets.view(customer, { ticket: ticket.number });
    expect(thread.messages.at(-1)).toMatchObject({ kind: 'system', body: 'Escalated to a human agent.' });
    expect(thread.messages.map((m) => m.body).join('\n')).not.toContain('The bot is not helping');
    const staffThread = await t.services.tickets.view(agent, { ticket: ticket.number });
    expect(staffThread.messages.at(-1)).toMatchObject({ kind: 'system', body: 'Escalation reason: The bot is not helping', visibleToCustomer: false });
    const history = await t.services.tickets.history(agent, { ticket: ticket.number });
    expect(history.items.at(-1)).toMatchObject({ type: 'ticket.escalated', data: { reason: 'The bot is not helping', before: { status: 'assigned', assigneeId: agent.id }, after: { status: 'escalated' } } });
  });

  it('allows one open escalation at a time, and again once an agent took it', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.escalate(customer, { ticket: ticket.number });
    await expectCode(t.services.tickets.escalate(customer, { ticket: ticket.number }), 'CONFLICT');
    await t.services.tickets.assign(agent, { ticket: ticket.number, agent: '@me' });
    await expect(t.services.tickets.escalate(agent, { ticket: ticket.number, reason: null })).resolves.toMatchObject({ status: 'escalated' });
  });

  it('refuses a closed ticket, another customer\'s ticket (NOT_FOUND) and a too-long reason', async () => {
    const [ana, bo, agent] = [await t.user('customer'), await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, ana);
    await expectCode(t.services.tickets.escalate(bo, { ticket: ticket.number }), 'NOT_FOUND');
    await expectCode(t.services.tickets.escalate(ana, { ticket: ticket.number, reason: 'x'.repeat(2001) }), 'VALIDATION_FAILED');
    await t.services.tickets.close(agent, { ticket: ticket.number });
    await expectCode(t.services.tickets.escalate(ana, { ticket: ticket.number }), 'CONFLICT');
  });
});
