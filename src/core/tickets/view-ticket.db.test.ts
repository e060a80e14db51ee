import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('view ticket', () => {
  it('returns the ticket with its thread in order; staff see internal notes and system messages', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer, 'Refund', 'I want my money back');
    await t.services.tickets.reply(agent, { ticket: ticket.number, body: 'On it' });
    t.clock.advance(1000);
    await t.services.tickets.note(agent, { ticket: ticket.number, body: 'secret' });
    t.clock.advance(1000);
    await t.services.tickets.escalate(customer, { ticket: ticket.number, reason: 'too slow' });
    const staff = await t.services.tickets.view(agent, { ticket: `#${ticket.number}` });
    expect(staff.ticket).toMatchObject({ number: ticket.number, subject: 'Refund', status: 'escalated' });
    expect(staff.messages.map((m) => [m.kind, m.body])).toEqual([
      ['customer', 'I want my money back'],
      ['agent', 'On it'],
      ['internal', 'secret'],
      ['system', 'Escalated to a human agent.'],
      ['system', 'Escalation reason: too slow'],
    ]);
    const own = await t.services.tickets.view(customer, { ticket: ticket.number });
    expect(own.messages.map((m) => m.kind)).toEqual(['customer', 'agent', 'system']);
  });

  it('shows staff the tags, category and time totals of a ticket, and customers none of it', async () => {
    const [customer, admin] = [await t.user('customer'), await t.user('admin')];
    const ticket = await openTicket(t, customer, 'Invoice', 'Charged twice');
    const bare = await t.services.tickets.view(admin, { ticket: ticket.number });
    expect(bare.work).toEqual({ tags: [], category: null, time: { totalMinutes: 0, billableMinutes: 0 } });
    await t.services.tags.create(admin, { name: 'billing' });
    await t.services.tags.create(admin, { name: 'Urgent-Fix' });
    await t.services.categories.create(admin, { name: 'Payments' });
    await t.services.tickets.addTags(admin, { ticket: ticket.number, tags: ['Urgent-Fix', 'billing'] });
    await t.services.tickets.setCategory(admin, { ticket: ticket.number, category: 'Payments' });
    await t.services.tickets.logTime(admin, { ticket: ticket.number, minutes: 30, billable: true });
    await t.services.tickets.logTime(admin, { ticket: ticket.number, minutes: 15 });
    const staff = await t.services.tickets.view(admin, { ticket: ticket.number });
    expect(staff.work).toEqual({ tags: ['billing', 'Urgent-Fix'], category: 'Payments', time: { totalMinutes: 45, billableMinutes: 30 } });
    const own = await t.services.tickets.view(customer, { ticket: ticket.number });
    expect(own).not.toHaveProperty('work');
  });

  it('keeps the order of messages written within the same clock tick', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const { ticket } = await t.services.tickets.create(customer, { subject: 'Same tick', message: 'first' });
    for (let i = 2; i <= 8; i++) await t.services.tickets.reply(i % 2 ? customer : agent, { ticket: ticket.number, body: `message ${i}` });
    const thread = await t.services.tickets.view(agent, { ticket: ticket.number });
    expect(thread.messages.map((m) => m.body)).toEqual(['first', ...[2, 3, 4, 5, 6, 7, 8].map((i) => `message ${i}`)]);
  });

  it('a customer gets NOT_FOUND for another customer\'s ticket, the same as for a missing one', async () => {
    const [ana, bo] = [await t.user('customer'), await t.user('customer')];
    const ticket = await openTicket(t, ana);
    const theirs = await expectCode(t.services.tickets.view(bo, { ticket: ticket.number }), 'NOT_FOUND');
    const missing = await expectCode(t.services.tickets.view(bo, { ticket: 9999 }), 'NOT_FOUND');
    expect(theirs.message).toBe(`Ticket #${ticket.number} not found`);
    expect(missing.message).toBe('Ticket #9999 not found');
    expect(theirs.hint).toBe(missing.hint);
  });

  it('a trashed ticket is visible to staff and NOT_FOUND for its customer', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.db.updateTable('tickets').set({ deleted_at: t.clock.now() }).execute();
    await expect(t.services.tickets.view(agent, { ticket: ticket.number })).resolves.toMatchObject({ ticket: { deletedAt: expect.any(String) } });
    await expectCode(t.services.tickets.view(customer, { ticket: ticket.number }), 'NOT_FOUND');
  });

  it('a non-number is VALIDATION_FAILED', async () => {
    const agent = await t.user('agent');
    await expectCode(t.services.tickets.view(agent, { ticket: 'latest' }), 'VALIDATION_FAILED');
  });
});
