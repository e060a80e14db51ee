import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

const t = useTestServer();

describe('HTTP manners (issue 8 item 7)', () => {
  it('Given a path that exists, when called with a wrong method, then 405 with Allow listing the right ones', async () => {
    const res = await t.app.inject({ method: 'PUT', url: '/v1/tickets' });
    expect(res.statusCode).toBe(405);
    expect(res.headers.allow).toBe('GET, HEAD, POST');
    expect(res.json().error.code).toBe('METHOD_NOT_ALLOWED');
    const withParam = await t.app.inject({ method: 'DELETE', url: '/v1/tickets/1042/close' });
    expect(withParam.statusCode).toBe(405);
    expect(withParam.headers.allow).toBe('POST');
  });

  it('Given a path that does not exist, then it is still a 404', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/v1/nothing-here' })).statusCode).toBe(404);
  });

  it('Given no token, then 401 with WWW-Authenticate: Bearer and "required"', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/tickets' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="nexus"');
    expect(res.json().error.message).toBe('An access token is required');
  });

  it.each([['Bearer'], ['Basic dXNlcjpwYXNz'], ['Bearer  two  spaces-here'], ['token abc.def.ghi']])(
    'Given the malformed header %j, then 401 says it is malformed, not missing',
    async (authorization) => {
      const res = await t.app.inject({ method: 'GET', url: '/v1/tickets', headers: { authorization } });
      expect(res.statusCode).toBe(401);
      expect(res.json().error.message).toMatch(/malformed/);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="nexus", error="invalid_token"');
    },
  );

  it('Given a well-formed but invalid token, then 401 with error="invalid_token"', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/v1/tickets', headers: { authorization: 'Bearer abc.def.ghijklmnop' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error.message).toBe('The access token is invalid');
    expect(res.headers['www-authenticate']).toContain('error="invalid_token"');
  });

  it('Given a validation error in a body, then the path is the body field as sent, in plain words', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    const res = await t.as(accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 42, body: 'hi', extra: true } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([{ path: 'subject', message: 'must be text' }, { path: 'extra', message: 'is not a known field' }]));
    const empty = await t.as(accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'x' } });
    expect(empty.json().error.details).toEqual([{ path: 'body', message: 'is required' }]);
  });

  it('Given the same assignee name in the API as in the CLI, when assigning, then `assignee` works and a customer is refused on that path', async () => {
    const customer = await t.user('customer');
    const admin = await t.user('admin');
    const { ticket } = await t.api.tickets.create(customer, { subject: 'Help', message: 'please' });
    const { accessToken } = await t.login(admin);
    const ok = await t.as(accessToken, { method: 'POST', url: `/v1/tickets/${ticket.number}/assign`, payload: { assignee: '@me' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().assignee.email).toBe(admin.email);
    const bad = await t.as(accessToken, { method: 'POST', url: `/v1/tickets/${ticket.number}/assign`, payload: { assignee: customer.email } });
    expect(bad.json().error.details).toEqual([{ path: 'assignee', message: 'must be an agent or admin' }]);
  });

  it('Given PATCH /v1/tags/{name}, then it takes {name} as the new name', async () => {
    const admin = await t.user('admin');
    await t.api.tags.create(admin, { name: 'old' });
    const { accessToken } = await t.login(admin);
    const res = await t.as(accessToken, { method: 'PATCH', url: '/v1/tags/old', payload: { name: 'new' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().name).toBe('new');
  });
});
