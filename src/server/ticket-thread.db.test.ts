import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

const t = useTestServer();

describe('GET /v1/tickets/{number}', () => {
  it('gives staff the ticket with its tags, category and time totals, and the customer the thread without them', async () => {
    const [customer, admin] = [await t.user('customer'), await t.user('admin')];
    const { ticket } = await t.services.tickets.create(customer, { subject: 'Invoice', message: 'Charged twice' });
    await t.services.tags.create(admin, { name: 'billing' });
    await t.services.tickets.addTags(admin, { ticket: ticket.number, tags: ['billing'] });
    await t.services.tickets.logTime(admin, { ticket: ticket.number, minutes: 20, billable: true });
    const staff = await t.as((await t.login(admin)).accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}` });
    expect(staff.statusCode).toBe(200);
    expect(staff.json().work).toEqual({ tags: ['billing'], category: null, time: { totalMinutes: 20, billableMinutes: 20 } });
    const own = await t.as((await t.login(customer)).accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}` });
    expect(own.statusCode).toBe(200);
    expect(own.json()).not.toHaveProperty('work');
    expect(own.json().messages.map((m: { body: string }) => m.body)).toEqual(['Charged twice']);
  });
});
