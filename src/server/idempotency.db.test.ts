import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

const t = useTestServer();

const create = (token: string, key: string | undefined, payload: Record<string, unknown>) =>
  t.as(token, { method: 'POST', url: '/v1/tickets', payload, headers: key ? { 'idempotency-key': key } : {} });
const ticketCount = async () => Number((await t.db.selectFrom('tickets').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('Idempotency-Key on POST /v1/tickets', () => {
  it('Given the same key and body twice, then the second answer is the stored first one and one ticket exists', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    const first = await create(accessToken, 'k-1', { subject: 'Refund', message: 'Please refund order 7' });
    const second = await create(accessToken, 'k-1', { subject: 'Refund', message: 'Please refund order 7' });
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.body).toBe(first.body);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(await ticketCount()).toBe(1);
  });

  it('Given the same key with another body, then 422 IDEMPOTENCY_MISMATCH', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    await create(accessToken, 'k-2', { subject: 'Refund', message: 'one' });
    const res = await create(accessToken, 'k-2', { subject: 'Refund', message: 'two' });
    expect(res.statusCode).toBe(422);
    expect(res.json().error.code).toBe('IDEMPOTENCY_MISMATCH');
  });

  it('Given a key still being processed, then 409 IDEMPOTENCY_IN_FLIGHT with Retry-After', async () => {
    const customer = await t.user('customer');
    const { accessToken } = await t.login(customer);
    const payload = { subject: 'Slow', message: 'one' };
    // The first request has claimed the key (same user, same body) and not answered yet.
    const hash = createHash('sha256').update(`POST /v1/tickets\n${JSON.stringify(payload)}`).digest('hex');
    await t.db.insertInto('idempotency_keys').values({ user_id: customer.id, key: 'k-3', method: 'POST', path: '/v1/tickets', request_hash: hash, expires_at: new Date(t.clock.now().getTime() + 3_600_000) }).execute();
    const res = await create(accessToken, 'k-3', payload);
    expect(res.statusCode).toBe(409);
    expect(res.json().error.code).toBe('IDEMPOTENCY_IN_FLIGHT');
    expect(res.headers['retry-after']).toBe('1');
  });

  it('Given keys are per user, then another user with the same key creates their own ticket', async () => {
    const one = await t.login(await t.user('customer'));
    const two = await t.login(await t.user('customer'));
    expect((await create(one.accessToken, 'shared', { subject: 'A', message: 'a' })).statusCode).toBe(201);
    expect((await create(two.accessToken, 'shared', { subject: 'A', message: 'a' })).statusCode).toBe(201);
    expect(await ticketCount()).toBe(2);
  });

  it('Given a key older than 24 hours, then it is forgotten and the request runs again', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    await create(accessToken, 'k-old', { subject: 'Again', message: 'a' });
    await t.db.updateTable('idempotency_keys').set({ expires_at: new Date('2000-01-01T00:00:00Z') }).execute();
    const again = await create(accessToken, 'k-old', { subject: 'Again', message: 'b' });
    expect(again.statusCode).toBe(200); // a new message continuing the open ticket, not a replay
    expect(again.headers['idempotent-replayed']).toBeUndefined();
  });

  it('Given a malformed key, then 400', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    const res = await create(accessToken, 'x'.repeat(300), { subject: 'A', message: 'a' });
    expect(res.statusCode).toBe(400);
  });
});
