import { describe, expect, it } from 'vitest';
import { multipart, PNG, useTestServer } from '../../test/support/server.js';

const t = useTestServer();

// Issue 4, acceptance 2: customer A tries every route on customer B's ticket, messages and attachments,
// customer routes and staff routes alike, and every answer is a 404 byte-identical to the answer for a
// number that does not exist. Staff-only routes answer the same 404 even on A's own ticket: to a
// customer, staff tools on tickets do not exist (GitHub-style), so no number's existence ever shows.
describe("customer A on customer B's ticket", () => {
  it('gets, on EVERY route (customer and staff routes), a 404 byte-identical to the answer for a number that does not exist', async () => {
    const alice = await t.user('customer');
    const bob = await t.user('customer');
    const a = await t.login(alice);
    const b = await t.login(bob);
    const created = await t.as(b.accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Invoice question', message: 'Where is my invoice?' } });
    expect(created.statusCode, created.body).toBe(201);
    const { ticket, message } = created.json();
    const upload = await t.as(b.accessToken, { method: 'POST', url: `/v1/tickets/${ticket.number}/attachments`, ...multipart('scan.png', PNG) });
    expect(upload.statusCode, upload.body).toBe(201);
    const attachmentId = upload.json().id;
    const own = (await t.as(a.accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Mine', message: 'hello' } })).json().ticket.number;
    const missing = 9999; // same number of digits as the real tickets, so the bodies are the same length too
    expect(String(missing).length).toBe(String(ticket.number).length);
    expect(String(missing).length).toBe(String(own).length);

    const customerRoutes = (n: number) => [
      { method: 'GET', url: `/v1/tickets/${n}` },
      { method: 'POST', url: `/v1/tickets/${n}/messages`, payload: { body: 'let me in' } },
      { method: 'POST', url: `/v1/tickets/${n}/escalate`, payload: {} },
      { method: 'PUT', url: `/v1/tickets/${n}/messages/${message.id}/rating`, payload: { rating: 5 } },
      { method: 'GET', url: `/v1/tickets/${n}/sla` },
      { method: 'GET', url: `/v1/tickets/${n}/attachments` },
      { method: 'POST', url: `/v1/tickets/${n}/attachments`, ...multipart('x.png', PNG) },
      { method: 'GET', url: `/v1/tickets/${n}/attachments/${attachmentId}` },
      { method: 'DELETE', url: `/v1/tickets/${n}/attachments/${attachmentId}` },
      { method: 'POST', url: `/v1/tickets/${n}/close` },
    ];
    const staffRoutes = (n: number) => [
      { method: 'PATCH', url: `/v1/tickets/${n}`, payload: { priority: 'urgent' } },
      { method: 'POST', url: `/v1/tickets/${n}/assign`, payload: { agent: '@me' } },
      { method: 'POST', url: `/v1/tickets/${n}/unassign` },
      { method: 'POST', url: `/v1/tickets/${n}/reopen` },
      { method: 'POST', url: `/v1/tickets/${n}/notes`, payload: { body: 'x' } },
      { method: 'GET', url: `/v1/tickets/${n}/history` },
      { method: 'DELETE', url: `/v1/tickets/${n}` },
      { method: 'POST', url: `/v1/tickets/${n}/tags`, payload: { tags: ['x'] } },
      { method: 'DELETE', url: `/v1/tickets/${n}/tags/x` },
      { method: 'PUT', url: `/v1/tickets/${n}/category`, payload: { category: null } },
      { method: 'POST', url: `/v1/tickets/${n}/time-entries`, payload: { minutes: 5 } },
      { method: 'GET', url: `/v1/tickets/${n}/time-entries` },
      { method: 'POST', url: `/v1/trash/${n}/restore` },
      { method: 'DELETE', url: `/v1/trash/${n}` },
    ];
    const routes = (n: number) => [...customerRoutes(n), ...staffRoutes(n)];
    const eventsBefore = await t.db.selectFrom('ticket_events').select('id').execute();
    const messagesBefore = await t.db.selectFrom('messages').select('id').execute();

    const cases: [label: string, theirs: ReturnType<typeof routes>, nowhere: ReturnType<typeof routes>, n: number][] = [
      ["B's ticket", routes(ticket.number), routes(missing), ticket.number],
      ["A's own ticket, staff routes", staffRoutes(own), staffRoutes(missing), own],
    ];
    let checked = 0;
    for (const [label, theirs, nowhere, n] of cases) {
      for (let i = 0; i < theirs.length; i++) {
        const where = `${label}: ${theirs[i]!.method} ${theirs[i]!.url}`;
        const one = await t.as(a.accessToken, theirs[i]! as never);
        const none = await t.as(a.accessToken, nowhere[i]! as never);
        expect(one.statusCode, `${where}: ${one.body}`).toBe(404);
        expect(none.statusCode, `${where} (missing): ${none.body}`).toBe(404);
        expect(one.json().error.code, where).toBe('NOT_FOUND');
        expect(one.body.replaceAll(String(n), 'N'), where).toBe(none.body.replaceAll(String(missing), 'N'));
        expect(one.headers['content-length'], where).toBe(none.headers['content-length']);
        expect(one.headers['content-type'], where).toBe(none.headers['content-type']);
        checked++;
      }
    }
    expect(checked).toBe(customerRoutes(0).length + 2 * staffRoutes(0).length);

    // Nothing happened to Bob's ticket, nor to Alice's: no event, no message, no change.
    expect(await t.db.selectFrom('ticket_events').select('id').execute()).toHaveLength(eventsBefore.length);
    expect(await t.db.selectFrom('messages').select('id').execute()).toHaveLength(messagesBefore.length);
    const view = await t.as(b.accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}` });
    expect(view.json().ticket.status).toBe('open');
    expect(view.json().ticket.priority).toBe(ticket.priority);
    expect(view.json().messages).toHaveLength(1);
    expect((await t.as(b.accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}/attachments` })).json().items).toHaveLength(1);
    expect((await t.as(a.accessToken, { method: 'GET', url: `/v1/tickets/${own}` })).json().ticket.status).toBe('open');
    // And Alice's list does not show Bob's ticket.
    expect((await t.as(a.accessToken, { method: 'GET', url: '/v1/tickets' })).json().items.map((x: { number: number }) => x.number)).toEqual([own]);
  });

  it('staff routes that name no ticket answer a customer 403 FORBIDDEN, never the data', async () => {
    const alice = await t.user('customer');
    const a = await t.login(alice);
    const staffOnly = [
      { method: 'GET', url: '/v1/trash' },
      { method: 'GET', url: '/v1/stats' },
      { method: 'GET', url: '/v1/tags' },
      { method: 'POST', url: '/v1/tags', payload: { name: 'vip' } },
    ] as const;
    for (const route of staffOnly) {
      const res = await t.as(a.accessToken, route as never);
      expect(res.statusCode, `${route.method} ${route.url}: ${res.body}`).toBe(403);
      expect(Object.keys(res.json())).toEqual(['error']);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });

  it('an agent purging named tickets still gets 403 FORBIDDEN (staff without the permission), not 404', async () => {
    const customer = await t.user('customer');
    const agent = await t.user('agent');
    const c = await t.login(customer);
    const g = await t.login(agent);
    const number = (await t.as(c.accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Old', message: 'hi' } })).json().ticket.number;
    for (const n of [number, 9999]) {
      const res = await t.as(g.accessToken, { method: 'DELETE', url: `/v1/trash/${n}` });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().error.code).toBe('FORBIDDEN');
    }
  });
});
