import { describe, expect, it } from 'vitest';
import { multipart, PNG, useTestServer } from '../../test/support/server.js';

const t = useTestServer();

describe("customer A on customer B's ticket", () => {
  it('gets, on every route, a 404 byte-identical to the answer for a number that does not exist', async () => {
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
    const missing = 9999; // same number of digits as Bob's ticket, so the bodies are the same length too
    expect(String(missing).length).toBe(String(ticket.number).length);

    const routes = (n: number) => [
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
    ] as const;
    const bobs = routes(ticket.number);
    const nowhere = routes(missing);
    for (let i = 0; i < bobs.length; i++) {
      const theirs = await t.as(a.accessToken, bobs[i]! as never);
      const none = await t.as(a.accessToken, nowhere[i]! as never);
      expect(theirs.statusCode, `${bobs[i]!.method} ${bobs[i]!.url}: ${theirs.body}`).toBe(404);
      expect(theirs.body.replaceAll(String(ticket.number), 'N'), bobs[i]!.url).toBe(none.body.replaceAll(String(missing), 'N'));
      expect(theirs.headers['content-length']).toBe(none.headers['content-length']);
    }
    // Nothing happened to Bob's ticket.
    const view = await t.as(b.accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}` });
    expect(view.json().ticket.status).toBe('open');
    expect(view.json().messages).toHaveLength(1);
    expect((await t.as(b.accessToken, { method: 'GET', url: `/v1/tickets/${ticket.number}/attachments` })).json()).toHaveLength(1);
    // And Alice's list does not show it.
    expect((await t.as(a.accessToken, { method: 'GET', url: '/v1/tickets' })).json().tickets).toEqual([]);
  });

  it("staff-only routes answer customer A the same for B's ticket as for a missing one (403: the role may not, existence never shows)", async () => {
    const alice = await t.user('customer');
    const bob = await t.user('customer');
    const a = await t.login(alice);
    const b = await t.login(bob);
    const number = (await t.as(b.accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Bob only', message: 'hi' } })).json().ticket.number;
    const missing = 9999;
    const routes = (n: number) => [
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
    ] as const;
    const theirs = routes(number);
    const nowhere = routes(missing);
    for (let i = 0; i < theirs.length; i++) {
      const one = await t.as(a.accessToken, theirs[i]! as never);
      const none = await t.as(a.accessToken, nowhere[i]! as never);
      expect([403, 404], `${theirs[i]!.method} ${theirs[i]!.url}: ${one.body}`).toContain(one.statusCode);
      expect(one.statusCode, theirs[i]!.url).toBe(none.statusCode);
      expect(one.body.replaceAll(String(number), 'N'), theirs[i]!.url).toBe(none.body.replaceAll(String(missing), 'N'));
    }
  });

  it('staff routes answer a customer 403 (or 404 for tickets they may not see), never the data', async () => {
    const alice = await t.user('customer');
    const a = await t.login(alice);
    const own = (await t.as(a.accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Mine', message: 'hello' } })).json().ticket.number;
    const staffOnly = [
      { method: 'PATCH', url: `/v1/tickets/${own}`, payload: { priority: 'urgent' } },
      { method: 'POST', url: `/v1/tickets/${own}/assign`, payload: { agent: '@me' } },
      { method: 'POST', url: `/v1/tickets/${own}/notes`, payload: { body: 'x' } },
      { method: 'GET', url: `/v1/tickets/${own}/history` },
      { method: 'DELETE', url: `/v1/tickets/${own}` },
      { method: 'GET', url: '/v1/trash' },
      { method: 'GET', url: '/v1/stats' },
      { method: 'GET', url: '/v1/tags' },
      { method: 'POST', url: '/v1/tags', payload: { name: 'vip' } },
      { method: 'DELETE', url: `/v1/trash/${own}` },
    ] as const;
    for (const route of staffOnly) {
      const res = await t.as(a.accessToken, route as never);
      expect([403, 404], `${route.method} ${route.url}: ${res.body}`).toContain(res.statusCode);
      expect(Object.keys(res.json())).toEqual(['error']);
    }
  });
});
