import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';
import { aiStatusSchema } from '../core/ai/get-ai-status.js';
import { aiTraceSchema } from '../core/ai/list-ai-traces.js';
import { upsertTrace } from '../core/ai/traces-store.js';
import { dbStatusSchema } from '../core/db/get-db-status.js';
import { listOf } from '../core/documents.js';
import { outboxMailSchema } from '../core/email/outbound/list-outbox.js';
import { outboxTransport } from '../core/email/outbox-transport.js';

// Issue 8, item 15: what the CLI can do, the API can — the outbox, AI traces and status, the schema's
// migration state — with the same documents as the CLI's --json, and the CLI's permissions.
const dataDir = mkdtempSync(join(tmpdir(), 'nexus-ops-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
const s = useTestServer({ config: { dataDir } });

async function tokens() {
  const [admin, agent, customer] = await Promise.all([s.user('admin'), s.user('agent'), s.user('customer')]);
  return { admin: (await s.login(admin)).accessToken, agent: (await s.login(agent)).accessToken, customer: (await s.login(customer)).accessToken };
}
const get = (token: string, url: string) => s.as(token, { method: 'GET', url });

describe('operations routes: who may call them', () => {
  it.each([
    ['/v1/email/outbox', { admin: 200, agent: 403, customer: 403 }],
    ['/v1/ai/traces', { admin: 200, agent: 200, customer: 403 }],
    ['/v1/ai/traces/00000000-0000-4000-8000-000000000000', { admin: 404, agent: 404, customer: 403 }],
    ['/v1/ai/status', { admin: 200, agent: 200, customer: 403 }],
    ['/v1/db/status', { admin: 200, agent: 403, customer: 403 }],
  ])('GET %s answers admins, agents and customers as the CLI does', async (url, expected) => {
    const t = await tokens();
    const got = { admin: (await get(t.admin, url)).statusCode, agent: (await get(t.agent, url)).statusCode, customer: (await get(t.customer, url)).statusCode };
    expect(got).toEqual(expected);
    const denied = await get(t.customer, url);
    expect(denied.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await s.app.inject({ method: 'GET', url })).statusCode).toBe(401);
  });
});

describe('GET /v1/email/outbox', () => {
  it('pages the queue and the outbox folder newest first with one cursor, in the CLI\'s document', async () => {
    const { admin } = await tokens();
    const folder = outboxTransport(join(dataDir, 'outbox'), () => new Date('2026-11-25T08:30:00Z'));
    await folder.send({ to: 'cara@example.com', subject: 'Reset your password', text: 'Your link: https://desk/reset?token=t' });
    for (const [i, at] of ['2026-11-25T08:00:00Z', '2026-11-25T09:00:00Z'].entries()) {
      await s.db
        .insertInto('email_outbox')
        .values({ kind: 'ack', to_address: `c${i}@example.com`, from_address: 'support@example.com', subject: `Ack ${i}`, text_body: `We got it ${i}`, message_id: `<m${i}@desk>`, headers: '{}', next_attempt_at: at, created_at: at, status: i === 0 ? 'failed' : 'queued', last_error: i === 0 ? '550 no such user' : null })
        .execute();
    }
    const first = await get(admin, '/v1/email/outbox?limit=2');
    expect(first.statusCode, first.body).toBe(200);
    const page1 = listOf(outboxMailSchema).parse(first.json());
    expect(page1.items.map((m) => m.subject)).toEqual(['Ack 1', 'Reset your password']);
    expect(page1.items[1]).toMatchObject({ kind: 'local_outbox', status: 'sent', ticketNumber: null, text: 'Your link: https://desk/reset?token=t' });
    expect(page1.nextCursor).toEqual(expect.any(String));
    const page2 = listOf(outboxMailSchema).parse((await get(admin, `/v1/email/outbox?limit=2&cursor=${page1.nextCursor}`)).json());
    expect(page2).toMatchObject({ items: [{ subject: 'Ack 0', status: 'failed', lastError: '550 no such user' }], nextCursor: null });
    // The CLI's service answers the same document.
    const admins = await s.db.selectFrom('users').selectAll().where('role', '=', 'admin').limit(1).executeTakeFirstOrThrow();
    expect(await s.api.email.outbox({ id: admins.id, email: admins.email, name: admins.name, role: 'admin' }, { limit: 2 })).toEqual(first.json());

    expect((await get(admin, '/v1/email/outbox?status=failed')).json().items.map((m: { subject: string }) => m.subject)).toEqual(['Ack 0']);
    const bad = await get(admin, '/v1/email/outbox?cursor=nonsense');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details).toEqual([{ path: 'cursor', message: expect.any(String) }]);
    expect((await get(admin, '/v1/email/outbox?status=lost')).json().error.details[0].path).toBe('status');
  });
});

describe('GET /v1/ai/traces and /v1/ai/traces/{traceId}', () => {
  it('lists the AI\'s decisions in the envelope, pages them, and shows one by id', async () => {
    const { agent, customer } = await tokens();
    const created = (await s.as(customer, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Printer', body: 'It jams' } })).json();
    const second = (await s.as(customer, { method: 'POST', url: '/v1/tickets/' + created.ticket.number + '/messages', payload: { body: 'Still jams' } })).json();
    const ticket = await s.db.selectFrom('tickets').select('id').where('number', '=', created.ticket.number).executeTakeFirstOrThrow();
    await s.db.transaction().execute(async (trx) => {
      await upsertTrace(trx, { ticketId: ticket.id, messageId: created.message.id, model: 'gpt-4o-mini', outcome: 'handed_off', reason: 'low_confidence', at: new Date('2026-11-25T09:00:00Z'), redactions: [{ type: 'phone', start: 3, end: 15 }] });
      await upsertTrace(trx, { ticketId: ticket.id, messageId: (second.message ?? second).id, model: 'gpt-4o-mini', outcome: 'replied', at: new Date('2026-11-25T09:05:00Z'), costUsd: 0.0012 });
    });
    const first = await get(agent, `/v1/ai/traces?ticket=${created.ticket.number}&limit=1`);
    expect(first.statusCode, first.body).toBe(200);
    const page = listOf(aiTraceSchema).parse(first.json());
    expect(page.items).toMatchObject([{ outcome: 'replied', ticketNumber: created.ticket.number, costUsd: 0.0012 }]);
    const rest = listOf(aiTraceSchema).parse((await get(agent, `/v1/ai/traces?limit=1&cursor=${page.nextCursor}`)).json());
    expect(rest).toMatchObject({ items: [{ outcome: 'handed_off', redactions: [{ type: 'phone', start: 3, end: 15 }] }], nextCursor: null });

    const one = await get(agent, `/v1/ai/traces/${rest.items[0]!.id}`);
    expect(one.statusCode).toBe(200);
    expect(aiTraceSchema.parse(one.json())).toEqual(rest.items[0]);
    expect((await get(agent, '/v1/ai/traces/not-a-uuid')).json().error.details[0].path).toBe('traceId');
    expect((await get(agent, '/v1/ai/traces?ticket=99999')).statusCode).toBe(404);
  });
});

describe('GET /v1/ai/status and /v1/db/status', () => {
  it('answer the documents of `nexus ai status --json` and `nexus db status --json`', async () => {
    const { admin } = await tokens();
    const ai = aiStatusSchema.parse((await get(admin, '/v1/ai/status')).json());
    expect(ai).toMatchObject({ configSource: 'local', apiKeyPresent: false, enabled: false, model: 'gpt-4o-mini', baseUrlHost: 'api.openai.com' });
    const db = dbStatusSchema.parse((await get(admin, '/v1/db/status')).json());
    expect(db).toMatchObject({ current: true, pending: 0, database: `embedded (${join(dataDir, 'pgdata')})`, kind: 'pglite' });
    expect(db.migrations).toContainEqual({ version: '20261201080100', name: 'ai_runtimes', status: 'applied' });
    expect(db.migrations.every((m) => m.status === 'applied')).toBe(true);
  });
});
