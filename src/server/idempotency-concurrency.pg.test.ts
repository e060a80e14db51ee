import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

// Postgres only: PGlite runs one transaction at a time, so it cannot show the race this guards against.
const t = useTestServer();

const create = (token: string, key: string | undefined, payload: Record<string, unknown>) =>
  t.as(token, { method: 'POST', url: '/v1/tickets', payload, headers: key ? { 'idempotency-key': key } : {} });
const ticketCount = async () => Number((await t.db.selectFrom('tickets').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);

describe('Idempotency-Key under concurrency', () => {
  it('Given 20 concurrent requests with one key, then exactly one ticket is created and the others get 409 or the stored answer', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    const answers = await Promise.all(Array.from({ length: 20 }, () => create(accessToken, 'burst', { subject: 'Burst', message: 'once only' })));
    expect(await ticketCount()).toBe(1);
    const statuses = answers.map((a) => a.statusCode).sort();
    expect(statuses.filter((s) => s === 201).length).toBeGreaterThanOrEqual(1);
    expect(statuses.every((s) => s === 201 || s === 409)).toBe(true);
    const created = answers.filter((a) => a.statusCode === 201).map((a) => a.json().ticket.number);
    expect(new Set(created).size).toBe(1);
  });
});
