import { describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { createServices } from '../services.js';
import { eventTypes, expectCode, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('reply to ticket', () => {
  it('given an unassigned ticket, the first agent reply stamps first and last response and claims the ticket', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    const { ticket: after, message } = await t.services.tickets.reply(agent, { ticket: ticket.number, body: 'Try resetting it.' });
    expect(message).toMatchObject({ kind: 'agent', body: 'Try resetting it.', author: { email: agent.email } });
    expect(after).toMatchObject({ status: 'assigned', assignee: { id: agent.id }, firstResponseAt: '2026-11-25T09:00:01.000Z', lastResponseAt: '2026-11-25T09:00:01.000Z' });
    expect(await eventTypes(t, ticket.number)).toEqual(['ticket.created', 'ticket.message_added', 'ticket.message_added', 'ticket.first_response', 'ticket.assigned']);
  });

  it('later agent replies move only the last response time and never steal the ticket', async () => {
    const [customer, ana, bo] = [await t.user('customer'), await t.user('agent'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.reply(ana, { ticket: ticket.number, body: 'one' });
    t.clock.advance(60_000);
    const { ticket: after } = await t.services.tickets.reply(bo, { ticket: `#${ticket.number}`, body: 'two' });
    expect(after).toMatchObject({ assignee: { id: ana.id }, firstResponseAt: '2026-11-25T09:00:01.000Z', lastResponseAt: '2026-11-25T09:01:01.000Z' });
  });

  it('a customer reply to a closed ticket reopens it and clears the resolved time', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.close(agent, { ticket: ticket.number });
    const { ticket: after, message } = await t.services.tickets.reply(customer, { ticket: ticket.number, body: 'Still broken' });
    expect(message.kind).toBe('customer');
    expect(after).toMatchObject({ status: 'open', resolvedAt: null });
    expect((await eventTypes(t, ticket.number)).at(-1)).toBe('ticket.reopened');
  });

  it('a customer reply hands a pending ticket back to the desk, and calls the hook', async () => {
    const customer = await t.user('customer');
    const ticket = await openTicket(t, customer);
    await t.db.updateTable('tickets').set({ status: 'pending' }).execute();
    const hook = vi.fn(async () => {});
    const services = createServices({ ...t.deps, hooks: { customerMessageAdded: hook } });
    const { ticket: after, message } = await services.tickets.reply(customer, { ticket: ticket.number, body: 'Here is the info' });
    expect(after.status).toBe('open');
    expect(hook).toHaveBeenCalledWith(expect.anything(), expect.objectContaining({ messageId: message.id, ticketNumber: ticket.number, authorId: customer.id }));
  });

  it('agent replies do not call the customer-message hook', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    const hook = vi.fn(async () => {});
    await createServices({ ...t.deps, hooks: { customerMessageAdded: hook } }).tickets.reply(agent, { ticket: ticket.number, body: 'hi' });
    expect(hook).not.toHaveBeenCalled();
  });

  it('refuses an agent reply on a closed ticket (reopen first)', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const ticket = await openTicket(t, customer);
    await t.services.tickets.close(agent, { ticket: ticket.number });
    const error = await expectCode(t.services.tickets.reply(agent, { ticket: ticket.number, body: 'hi' }), 'CONFLICT');
    expect(error.hint).toContain('reopen');
  });

  it('another customer\'s ticket is NOT_FOUND with the same message as a missing one', async () => {
    const [ana, bo] = [await t.user('customer'), await t.user('customer')];
    const ticket = await openTicket(t, ana);
    const theirs = await expectCode(t.services.tickets.reply(bo, { ticket: ticket.number, body: 'hi' }), 'NOT_FOUND');
    const missing = await expectCode(t.services.tickets.reply(bo, { ticket: 1002, body: 'hi' }), 'NOT_FOUND');
    expect(theirs.message.replace('1001', 'N')).toBe(missing.message.replace('1002', 'N'));
    expect(await t.db.selectFrom('messages').select('id').execute()).toHaveLength(1);
  });

  it.each([
    [{ ticket: 'abc', body: 'x' }, 'ticket'],
    [{ ticket: 1001, body: '' }, 'body'],
    [{ ticket: -4, body: 'x' }, 'ticket'],
  ])('refuses %j', async (input, field) => {
    const agent = await t.user('agent');
    const error = await expectCode(t.services.tickets.reply(agent, input as never), 'VALIDATION_FAILED');
    expect(error.details?.[0]?.path).toBe(field);
  });
});
