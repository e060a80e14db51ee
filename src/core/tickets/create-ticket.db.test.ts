import { describe, expect, it, vi } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import type { CustomerMessageEvent } from '../deps.js';
import { eventTypes, expectCode } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('create ticket', () => {
  it('given a customer, when opening a ticket, then it is #1001, open, medium, with the first message as a customer message', async () => {
    const customer = await t.user('customer');
    const result = await t.services.tickets.create(customer, { subject: ' Cannot log in ', message: 'Help me', source: 'web' });
    expect(result.created).toBe(true);
    expect(result.ticket).toMatchObject({ number: 1001, subject: 'Cannot log in', status: 'open', priority: 'medium', source: 'web', context: null, assignee: null });
    expect(result.ticket.customer).toEqual({ id: customer.id, email: customer.email, name: customer.name });
    expect(result.message).toMatchObject({ kind: 'customer', body: 'Help me', author: { id: customer.id } });
    expect(result.ticket.createdAt).toBe('2026-11-25T09:00:00.000Z');
    expect(await eventTypes(t, 1001)).toEqual(['ticket.created', 'ticket.message_added']);
  });

  it('continues the customer\'s open ticket with the same subject (any case) and context instead of opening a duplicate', async () => {
    const customer = await t.user('customer');
    const first = await t.services.tickets.create(customer, { subject: 'Billing', message: 'one', context: 'checkout' });
    const again = await t.services.tickets.create(customer, { subject: 'BILLING', message: 'two', context: 'checkout' });
    expect(again.created).toBe(false);
    expect(again.ticket.number).toBe(first.ticket.number);
    const messages = await t.db.selectFrom('messages').select('body').orderBy('created_at').execute();
    expect(messages.map((m) => m.body).sort()).toEqual(['one', 'two']);
  });

  it.each([
    ['another context', { subject: 'Billing', context: 'profile' }],
    ['no context', { subject: 'Billing', context: null }],
    ['another subject', { subject: 'Refund', context: 'checkout' }],
  ])('opens a new ticket when the message has %s', async (_label, fields) => {
    const customer = await t.user('customer');
    await t.services.tickets.create(customer, { subject: 'Billing', message: 'one', context: 'checkout' });
    const other = await t.services.tickets.create(customer, { ...fields, message: 'two' });
    expect(other).toMatchObject({ created: true, ticket: { number: 1002 } });
  });

  it('Given a desk without routing rules, when a rule is added between two tickets, then the next one runs it, and after its removal tickets open plainly again', async () => {
    // A customer's plain new ticket is one statement outside a transaction while the desk has no rules (issue 14).
    const [admin, customer] = [await t.user('admin'), await t.user('customer')];
    expect((await t.services.tickets.create(customer, { subject: 'Before', message: 'no rules yet' })).ticket.priority).toBe('medium');
    await t.services.routing.rules.create(admin, { name: 'Outages', conditions: { keywords: ['outage'] }, actions: { setPriority: 'urgent' } });
    const routed = await t.services.tickets.create(customer, { subject: 'Outage', message: 'outage everywhere' });
    expect(routed.ticket.priority).toBe('urgent');
    expect(await eventTypes(t, routed.ticket.number)).toEqual(['ticket.created', 'ticket.message_added', 'ticket.priority_changed', 'routing.applied']);
    await t.services.routing.rules.remove(admin, { rule: 'Outages' });
    const plain = await t.services.tickets.create(customer, { subject: 'Outage again', message: 'outage' });
    expect(plain.ticket.priority).toBe('medium');
    expect(await eventTypes(t, plain.ticket.number)).toEqual(['ticket.created', 'ticket.message_added']);
    const created = await t.db.selectFrom('ticket_events').select('data').where('type', '=', 'ticket.created').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(created.data).toEqual({ subject: 'Outage again', context: null, priority: 'medium', source: 'api', customerId: customer.id, status: 'open' });
  });

  it('opens a new ticket when the matching one is closed, deleted or belongs to someone else', async () => {
    const [ana, bo, agent] = [await t.user('customer'), await t.user('customer'), await t.user('agent')];
    const closed = await t.services.tickets.create(ana, { subject: 'Billing', message: 'one' });
    await t.services.tickets.close(agent, { ticket: closed.ticket.number });
    expect((await t.services.tickets.create(ana, { subject: 'Billing', message: 'two' })).created).toBe(true);
    await t.db.updateTable('tickets').set({ deleted_at: new Date() }).where('number', '=', 1002).execute();
    expect((await t.services.tickets.create(ana, { subject: 'Billing', message: 'three' })).ticket.number).toBe(1003);
    expect((await t.services.tickets.create(bo, { subject: 'Billing', message: 'four' })).ticket.number).toBe(1004);
  });

  it('given staff with a customer email, opens on behalf of the customer, creating a password-less account when unknown', async () => {
    const agent = await t.user('agent');
    const result = await t.services.tickets.create(agent, { subject: 'Phoned in', message: 'Customer called about X', customerEmail: 'New.Person@Example.com', priority: 'high', source: 'cli' });
    expect(result.ticket).toMatchObject({ priority: 'high', source: 'cli', customer: { email: 'new.person@example.com' } });
    expect(result.message).toMatchObject({ kind: 'customer', author: { email: 'new.person@example.com' } });
    const user = await t.db.selectFrom('users').selectAll().where('email', '=', 'new.person@example.com').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ role: 'customer', password_hash: null });
    const [created] = await t.db.selectFrom('ticket_events').select(['actor_id', 'type']).orderBy('id').execute();
    expect(created).toEqual({ actor_id: agent.id, type: 'ticket.created' });
  });

  it('refuses to open on behalf of staff or a disabled customer, and refuses customers opening for someone else', async () => {
    const [agent, admin, customer] = [await t.user('agent'), await t.user('admin'), await t.user('customer')];
    const disabled = await t.user('customer', 'gone@example.com', { disabled: true });
    await expectCode(t.services.tickets.create(agent, { subject: 's', message: 'm', customerEmail: admin.email }), 'VALIDATION_FAILED');
    await expectCode(t.services.tickets.create(agent, { subject: 's', message: 'm', customerEmail: disabled.email }), 'CONFLICT');
    await expectCode(t.services.tickets.create(customer, { subject: 's', message: 'm', customerEmail: 'other@example.com' }), 'FORBIDDEN');
    expect(await t.db.selectFrom('tickets').select('id').execute()).toHaveLength(0);
    expect(await t.db.selectFrom('users').select('id').where('email', '=', 'other@example.com').execute()).toHaveLength(0);
  });

  it.each([
    [{ subject: '', message: 'm' }, 'subject'],
    [{ subject: 'x'.repeat(501), message: 'm' }, 'subject'],
    [{ subject: 's', message: '   ' }, 'message'],
    [{ subject: 's', message: 'm', priority: 'critical' }, 'priority'],
    [{ subject: 's', message: 'm', source: 'fax' }, 'source'],
    [{ subject: 's', message: 'm', context: 'c'.repeat(201) }, 'context'],
  ])('refuses invalid input %j naming the field', async (input, field) => {
    const customer = await t.user('customer');
    const error = await expectCode(t.services.tickets.create(customer, input as never), 'VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(field);
  });

  it('lists the allowed priorities when the priority is invalid', async () => {
    const customer = await t.user('customer');
    const error = await expectCode(t.services.tickets.create(customer, { subject: 's', message: 'm', priority: 'asap' as never }), 'VALIDATION_FAILED');
    expect(error.message).toContain('low, medium, high, urgent');
  });

  it('calls the customer-message hook inside the transaction for the first and continued messages', async () => {
    const customer = await t.user('customer');
    const hook = vi.fn(async (_trx: unknown, _event: CustomerMessageEvent) => {});
    const services = (await import('../services.js')).createServices({ ...t.deps, hooks: { customerMessageAdded: hook } });
    const first = await services.tickets.create(customer, { subject: 'Hook', message: 'one' });
    await services.tickets.create(customer, { subject: 'Hook', message: 'two', isAutomated: true });
    expect(hook).toHaveBeenCalledTimes(2);
    expect(hook.mock.calls[0]![1]).toEqual({ ticketId: expect.any(String), ticketNumber: first.ticket.number, messageId: first.message.id, authorId: customer.id, isAutomated: false });
    expect(hook.mock.calls[1]![1].isAutomated).toBe(true);
  });

  it('rolls the ticket back when the hook fails', async () => {
    const customer = await t.user('customer');
    const services = (await import('../services.js')).createServices({ ...t.deps, hooks: { customerMessageAdded: async () => { throw new Error('queue down'); } } });
    await expect(services.tickets.create(customer, { subject: 'Hook', message: 'one' })).rejects.toThrow('queue down');
    expect(await t.db.selectFrom('tickets').select('id').execute()).toHaveLength(0);
  });
});
