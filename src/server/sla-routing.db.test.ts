import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

const t = useTestServer();

describe('SLA and routing over the API', () => {
  it('admin sets up a calendar, a policy, a group and a rule; a ticket from the API is routed and carries its SLA', async () => {
    const admin = await t.login(await t.user('admin'));
    const agent = await t.user('agent', 'ana@desk.test');
    const customer = await t.login(await t.user('customer'));
    const post = (url: string, payload: object) => t.as(admin.accessToken, { method: 'POST', url, payload });
    expect((await post('/v1/sla-calendars', { name: 'Office', timeZone: 'Europe/Berlin', hours: 'mon-fri 09:00-17:00' })).statusCode).toBe(201);
    expect((await post('/v1/sla-policies', { name: 'Standard', priority: 'high', firstResponse: '4h', resolution: '2d', calendar: 'Office' })).statusCode).toBe(201);
    expect((await post('/v1/groups', { name: 'Tier 1', members: ['ana@desk.test'] })).statusCode).toBe(201);
    const rule = await post('/v1/routing-rules', { name: 'Refunds', conditions: { keywords: ['refund'] }, actions: { setPriority: 'high', group: 'Tier 1' } });
    expect(rule.statusCode, rule.body).toBe(201);

    const created = await t.as(customer.accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Refund', message: 'Please refund me' } });
    expect(created.statusCode, created.body).toBe(201);
    const ticket = created.json().ticket;
    // The customer sees the agent by name only (issue 8); staff see the email.
    expect(ticket).toMatchObject({ priority: 'high', status: 'assigned', assignee: { email: null } });
    const staffView = (await t.as(admin.accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}` })).json();
    expect(staffView.ticket).toMatchObject({ assignee: { email: agent.email } });

    const staffSla = (await t.as(admin.accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}/sla` })).json();
    const customerSla = (await t.as(customer.accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}/sla` })).json();
    expect(staffSla).toMatchObject({ state: 'running', policy: { name: 'Standard' } });
    expect(staffSla.steps.length).toBeGreaterThan(0);
    expect(customerSla).toMatchObject({ state: 'running', dueAt: staffSla.dueAt, policy: null, steps: null });
    const view = (await t.as(admin.accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}` })).json();
    expect(view.ticket.sla).toEqual({ state: 'running', dueAt: staffSla.dueAt });
  });

  it('PATCH sets pending and switches the AI; both are in the history', async () => {
    const agent = await t.login(await t.user('agent'));
    const customer = await t.login(await t.user('customer'));
    const { ticket } = (await t.as(customer.accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Hi', message: 'Question' } })).json();
    const patched = await t.as(agent.accessToken, { method: 'PATCH', url: `/v1/tickets/${ticket.number}`, payload: { status: 'pending', aiEnabled: false } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ status: 'pending', aiEnabled: false });
    const history = (await t.as(agent.accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}/history` })).json();
    expect(JSON.stringify(history)).toContain('ticket.ai_switched');
    expect(JSON.stringify(history)).toContain('ticket.status_changed');
    expect((await t.as(agent.accessToken, { method: 'PATCH', url: `/v1/tickets/${ticket.number}`, payload: {} })).statusCode).toBe(400);
  });

  it.each([
    ['/v1/sla-calendars', { name: 'X', timeZone: 'Nowhere/Land', hours: 'mon 09:00-17:00' }, 'timeZone'],
    ['/v1/sla-calendars', { name: 'X', timeZone: 'UTC', hours: 'mon 17:00-09:00' }, 'hours.mon.0.end'],
    ['/v1/sla-policies', { name: 'X', priority: 'low', firstResponse: -5, resolution: '1d' }, 'firstResponse'],
    ['/v1/routing-rules', { name: 'X', actions: { stop: true } }, 'conditions'],
    ['/v1/routing-rules', { name: 'X', conditions: { keywords: ['a'] }, actions: { assign: 'ghost@desk.test' } }, 'actions.assign'],
  ])('POST %s with bad input is 400 naming the field', async (url, payload, path) => {
    const admin = await t.login(await t.user('admin'));
    const res = await t.as(admin.accessToken, { method: 'POST', url, payload });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().error.details.map((d: { path: string }) => d.path)).toContain(path);
  });
});
