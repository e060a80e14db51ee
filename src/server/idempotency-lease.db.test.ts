import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

// Issue 9, item 9: a process that died between claiming a key and storing its answer must not leave
// the key answering 409 for 24 hours. The dead request's claim is written here as it would be left.
const t = useTestServer();

const body = { subject: 'Printer on fire', message: 'It is on fire' };
const hash = (url: string) => createHash('sha256').update(`POST ${url}\n${JSON.stringify(body)}`).digest('hex');
const ticketCount = async () => Number((await t.db.selectFrom('tickets').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

async function leaveDeadClaim(userId: string, key: string, ageSeconds: number) {
  const at = new Date(t.clock.now().getTime() - ageSeconds * 1000);
  await t.db
    .insertInto('idempotency_keys')
    .values({ user_id: userId, key, method: 'POST', path: '/v1/tickets', request_hash: hash('/v1/tickets'), created_at: at, expires_at: new Date(at.getTime() + 24 * 3_600_000) })
    .execute();
}

describe('Idempotency-Key after a crash', () => {
  it('Given a claim left unanswered past the lease, when the client retries with the same key and body, then the request runs once and its answer is kept', async () => {
    const customer = await t.user('customer');
    const { accessToken } = await t.login(customer);
    await leaveDeadClaim(customer.id, 'crashed-1', t.deps.config.idempotencyLeaseSeconds + 1);
    const retry = await t.as(accessToken, { method: 'POST', url: '/v1/tickets', payload: body, headers: { 'idempotency-key': 'crashed-1' } });
    expect(retry.statusCode).toBe(201);
    expect(await ticketCount()).toBe(1);
    const replay = await t.as(accessToken, { method: 'POST', url: '/v1/tickets', payload: body, headers: { 'idempotency-key': 'crashed-1' } });
    expect(replay.statusCode).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(await ticketCount()).toBe(1);
  });

  it('Given a claim still within its lease (the first request may still be running), then a retry still gets 409 with Retry-After', async () => {
    const customer = await t.user('customer');
    const { accessToken } = await t.login(customer);
    await leaveDeadClaim(customer.id, 'running-1', 1);
    const retry = await t.as(accessToken, { method: 'POST', url: '/v1/tickets', payload: body, headers: { 'idempotency-key': 'running-1' } });
    expect(retry.statusCode).toBe(409);
    expect(retry.headers['retry-after']).toBeDefined();
    expect(await ticketCount()).toBe(0);
  });
});
