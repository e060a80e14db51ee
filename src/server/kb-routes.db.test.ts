import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

const s = useTestServer();

describe('/v1/kb', () => {
  it('Given a published article and a draft, When read anonymously, as a customer and as staff, Then only staff see the draft', async () => {
    const agent = await s.user('agent', 'agent@example.com');
    const customer = await s.user('customer', 'cust@example.com');
    const staff = (await s.login(agent)).accessToken;
    const cust = (await s.login(customer)).accessToken;

    const created = await s.as(staff, { method: 'POST', url: '/v1/kb/articles', payload: { title: 'Track your parcel', body: 'Use the tracking link in your shipping email.', tags: ['shipping'] } });
    expect(created.statusCode).toBe(201);
    const article = created.json() as { id: string; slug: string; status: string };
    expect(article).toMatchObject({ slug: 'track-your-parcel', status: 'draft' });
    expect((await s.as(staff, { method: 'POST', url: `/v1/kb/articles/${article.id}/publish` })).json()).toMatchObject({ status: 'published' });
    await s.as(staff, { method: 'POST', url: '/v1/kb/articles', payload: { title: 'Parcel outage notes', body: 'Internal: the tracking provider is down.' } });

    const anonymous = await s.app.inject({ method: 'GET', url: '/v1/kb/articles' });
    expect(anonymous.statusCode).toBe(200);
    expect(anonymous.json()).toEqual({ items: [expect.objectContaining({ slug: 'track-your-parcel' })], nextCursor: null });
    expect((await s.as(cust, { method: 'GET', url: '/v1/kb/articles' })).json().items).toHaveLength(1);
    expect((await s.as(staff, { method: 'GET', url: '/v1/kb/articles' })).json().items).toHaveLength(2);

    expect((await s.app.inject({ method: 'GET', url: '/v1/kb/articles/parcel-outage-notes' })).statusCode).toBe(404);
    expect((await s.as(staff, { method: 'GET', url: '/v1/kb/articles/parcel-outage-notes' })).statusCode).toBe(200);

    const search = await s.app.inject({ method: 'GET', url: '/v1/kb/search?q=tracking%20parcel&drafts=true' });
    expect(search.statusCode).toBe(200);
    expect(search.json()).toMatchObject({ items: [{ article: { slug: 'track-your-parcel' } }], nextCursor: null, mode: 'fulltext' });
  });

  it('Given a customer or no token, When writing, Then 403 and 401', async () => {
    const customer = await s.user('customer', 'writer@example.com');
    const cust = (await s.login(customer)).accessToken;
    expect((await s.as(cust, { method: 'POST', url: '/v1/kb/articles', payload: { title: 'Mine' } })).statusCode).toBe(403);
    expect((await s.app.inject({ method: 'POST', url: '/v1/kb/articles', payload: { title: 'Mine' } })).statusCode).toBe(401);
  });
});
