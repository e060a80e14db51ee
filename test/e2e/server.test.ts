import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox, E2E_DESK_ADMIN } from '../support/cli.js';
import { http, PNG, spawnServe, type ServeProcess } from '../support/server.js';

// The built `nexus serve` on a fresh embedded data folder, driven over real HTTP as customer, agent
// and admin, while other `nexus` commands keep working beside it.
describe('nexus serve (embedded database)', () => {
  const box = new CliSandbox();
  let serve: ServeProcess;
  const tokens: Record<'admin' | 'agent' | 'customer', string> = { admin: '', agent: '', customer: '' };
  let ticket = 0;

  beforeAll(async () => {
    box.initFromTemplate();
    expect((await box.run(['users', 'create', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'agent', '--password', 'agent password'])).code).toBe(0);
    serve = await spawnServe(box.env);
  }, 60_000);
  afterAll(async () => {
    await serve?.stop();
    box.cleanup();
  });

  it('prints the bound address and answers /healthz, /readyz, /openapi.json and /docs', async () => {
    expect(serve.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect((await http(serve.url, 'GET', '/healthz')).json).toEqual({ status: 'ok' });
    expect((await http(serve.url, 'GET', '/readyz')).status).toBe(200);
    expect((await http(serve.url, 'GET', '/openapi.json')).json.openapi).toBe('3.1.0');
    expect((await http(serve.url, 'GET', '/docs')).text).toContain('<title>Nexus API</title>');
  });

  it('auth: register (a customer), login, me, refresh, logout', async () => {
    const reg = await http(serve.url, 'POST', '/v1/auth/register', { body: { email: 'cara@example.com', password: 'customer pass', name: 'Cara' } });
    expect(reg.status).toBe(201);
    expect(reg.json.user.role).toBe('customer');
    tokens.customer = reg.json.accessToken;
    tokens.admin = (await http(serve.url, 'POST', '/v1/auth/login', { body: { email: 'admin@example.com', password: E2E_DESK_ADMIN.password } })).json.accessToken;
    tokens.agent = (await http(serve.url, 'POST', '/v1/auth/login', { body: { email: 'ana@example.com', password: 'agent password' } })).json.accessToken;
    expect((await http(serve.url, 'GET', '/v1/auth/me', { token: tokens.agent })).json.role).toBe('agent');
    const refreshed = await http(serve.url, 'POST', '/v1/auth/refresh', { body: { refreshToken: reg.json.refreshToken } });
    expect(refreshed.status).toBe(200);
    const spare = (await http(serve.url, 'POST', '/v1/auth/login', { body: { email: 'cara@example.com', password: 'customer pass' } })).json;
    expect((await http(serve.url, 'POST', '/v1/auth/logout', { token: spare.accessToken })).status).toBe(200);
    expect((await http(serve.url, 'GET', '/v1/auth/me', { token: spare.accessToken })).status).toBe(401);
    tokens.customer = refreshed.json.accessToken;
  });

  it('customer: create (idempotent), list, view, reply, escalate, rate, SLA, attachments', async () => {
    const body = { subject: 'Cannot log in', message: 'My password stopped working' };
    const created = await http(serve.url, 'POST', '/v1/tickets', { token: tokens.customer, body, headers: { 'idempotency-key': 'first-ticket' } });
    expect(created.status).toBe(201);
    expect(created.json).toMatchObject({ created: true, ai: { status: 'disabled' }, ticket: { status: 'open' } });
    ticket = created.json.ticket.number;
    const replay = await http(serve.url, 'POST', '/v1/tickets', { token: tokens.customer, body, headers: { 'idempotency-key': 'first-ticket' } });
    expect(replay.text).toBe(created.text);
    expect((await http(serve.url, 'GET', '/v1/tickets', { token: tokens.customer })).json.items.map((t: { number: number }) => t.number)).toEqual([ticket]);
    expect((await http(serve.url, 'GET', '/v1/tickets?q=password', { token: tokens.customer })).json.items).toHaveLength(1);
    const reply = await http(serve.url, 'POST', `/v1/tickets/${ticket}/messages`, { token: tokens.customer, body: { body: 'Still broken' } });
    expect(reply.status).toBe(201);
    expect((await http(serve.url, 'GET', `/v1/tickets/${ticket}`, { token: tokens.customer })).json.messages).toHaveLength(2);
    expect((await http(serve.url, 'POST', `/v1/tickets/${ticket}/escalate`, { token: tokens.customer, body: { reason: 'need a human' } })).json.status).toBe('escalated');
    const rate = await http(serve.url, 'PUT', `/v1/tickets/${ticket}/messages/${reply.json.message.id}/rating`, { token: tokens.customer, body: { rating: 5 } });
    expect(rate.status).toBe(400); // only AI replies can be rated, and the AI is off here
    expect(rate.json.error.code).toBe('VALIDATION_FAILED');
    expect((await http(serve.url, 'GET', `/v1/tickets/${ticket}/sla`, { token: tokens.customer })).json.state).toBe('none');

    const form = new FormData();
    form.append('file', new Blob([PNG]), 'screen shot.png');
    const upload = await fetch(`${serve.url}/v1/tickets/${ticket}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${tokens.customer}` }, body: form });
    expect(upload.status).toBe(201);
    const attachment = (await upload.json()) as { id: string; contentType: string };
    expect(attachment.contentType).toBe('image/png');
    expect((await http(serve.url, 'GET', `/v1/tickets/${ticket}/attachments`, { token: tokens.customer })).json.items).toHaveLength(1);
    const download = await fetch(`${serve.url}/v1/tickets/${ticket}/attachments/${attachment.id}`, { headers: { authorization: `Bearer ${tokens.customer}` } });
    expect(Buffer.from(await download.arrayBuffer()).equals(PNG)).toBe(true);
    expect(download.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect((await http(serve.url, 'DELETE', `/v1/tickets/${ticket}/attachments/${attachment.id}`, { token: tokens.customer })).status).toBe(200);
  });

  it('agent: list all, assign, note, priority, tags, category, time, history, close, reopen, stats', async () => {
    const t = tokens.agent;
    expect((await http(serve.url, 'GET', '/v1/tickets?status=escalated', { token: t })).json.items).toHaveLength(1);
    expect((await http(serve.url, 'POST', `/v1/tickets/${ticket}/assign`, { token: t, body: { agent: '@me' } })).json.assignee.email).toBe('ana@example.com');
    expect((await http(serve.url, 'POST', `/v1/tickets/${ticket}/notes`, { token: t, body: { body: 'customer is VIP' } })).json.kind).toBe('internal');
    expect((await http(serve.url, 'GET', `/v1/tickets/${ticket}`, { token: tokens.customer })).json.messages.some((m: { kind: string }) => m.kind === 'internal')).toBe(false);
    expect((await http(serve.url, 'PATCH', `/v1/tickets/${ticket}`, { token: t, body: { priority: 'urgent' } })).json.priority).toBe('urgent');
    expect((await http(serve.url, 'POST', '/v1/tags', { token: tokens.admin, body: { name: 'login' } })).status).toBe(201);
    expect((await http(serve.url, 'POST', '/v1/categories', { token: tokens.admin, body: { name: 'access' } })).status).toBe(201);
    expect((await http(serve.url, 'POST', `/v1/tickets/${ticket}/tags`, { token: t, body: { tags: ['login'] } })).json.tags).toEqual(['login']);
    expect((await http(serve.url, 'PUT', `/v1/tickets/${ticket}/category`, { token: t, body: { category: 'access' } })).status).toBe(200);
    expect((await http(serve.url, 'POST', `/v1/tickets/${ticket}/time-entries`, { token: t, body: { minutes: 15, description: 'reset' } })).status).toBe(201);
    expect((await http(serve.url, 'GET', `/v1/tickets/${ticket}/time-entries`, { token: t })).json.items).toHaveLength(1);
    expect((await http(serve.url, 'DELETE', `/v1/tickets/${ticket}/tags/login`, { token: t })).json.tags).toEqual([]);
    expect((await http(serve.url, 'POST', `/v1/tickets/${ticket}/close`, { token: t })).json.status).toBe('closed');
    expect((await http(serve.url, 'POST', `/v1/tickets/${ticket}/reopen`, { token: t })).json.status).not.toBe('closed');
    expect((await http(serve.url, 'POST', `/v1/tickets/${ticket}/unassign`, { token: t })).json.assignee).toBeNull();
    expect((await http(serve.url, 'GET', `/v1/tickets/${ticket}/history`, { token: t })).status).toBe(200);
    expect((await http(serve.url, 'GET', '/v1/stats', { token: t })).status).toBe(200);
    expect((await http(serve.url, 'GET', '/v1/stats', { token: tokens.customer })).status).toBe(403);
    // A staff route on the customer's own ticket is a 404, byte-identical to a number that does not exist.
    const ownPatch = await http(serve.url, 'PATCH', `/v1/tickets/${ticket}`, { token: tokens.customer, body: { priority: 'low' } });
    const missingPatch = await http(serve.url, 'PATCH', '/v1/tickets/9999', { token: tokens.customer, body: { priority: 'low' } });
    expect([ownPatch.status, missingPatch.status]).toEqual([404, 404]);
    expect(ownPatch.json.error.code).toBe('NOT_FOUND');
    expect(ownPatch.text.replaceAll(String(ticket), 'N')).toBe(missingPatch.text.replaceAll('9999', 'N'));
  });

  it('admin: catalogue CRUD, trash, restore, purge', async () => {
    const t = tokens.admin;
    expect((await http(serve.url, 'PATCH', '/v1/tags/login', { token: t, body: { name: 'sign-in' } })).json.name).toBe('sign-in');
    expect((await http(serve.url, 'GET', '/v1/tags', { token: tokens.agent })).json.items.map((x: { name: string }) => x.name)).toEqual(['sign-in']);
    expect((await http(serve.url, 'DELETE', '/v1/tags/sign-in', { token: t })).status).toBe(200);
    expect((await http(serve.url, 'PATCH', '/v1/categories/access', { token: t, body: { description: 'Accounts' } })).status).toBe(200);
    expect((await http(serve.url, 'GET', '/v1/categories', { token: t })).json.items).toHaveLength(1);
    expect((await http(serve.url, 'DELETE', '/v1/categories/access', { token: t })).status).toBe(200);
    const doomed = (await http(serve.url, 'POST', '/v1/tickets', { token: tokens.customer, body: { subject: 'Spam', message: 'buy now' } })).json.ticket.number;
    expect((await http(serve.url, 'DELETE', `/v1/tickets/${doomed}`, { token: t })).status).toBe(409); // only closed tickets
    expect((await http(serve.url, 'POST', `/v1/tickets/${doomed}/close`, { token: t })).status).toBe(200);
    expect((await http(serve.url, 'DELETE', `/v1/tickets/${doomed}`, { token: t })).status).toBe(200);
    expect((await http(serve.url, 'GET', '/v1/trash', { token: t })).json.items).toHaveLength(1);
    expect((await http(serve.url, 'POST', `/v1/trash/${doomed}/restore`, { token: t })).status).toBe(200);
    expect((await http(serve.url, 'DELETE', `/v1/tickets/${doomed}`, { token: t })).status).toBe(200);
    expect((await http(serve.url, 'DELETE', `/v1/trash/${doomed}`, { token: tokens.agent })).status).toBe(403);
    expect((await http(serve.url, 'DELETE', `/v1/trash/${doomed}`, { token: t })).status).toBe(200);
    expect((await http(serve.url, 'GET', `/v1/tickets/${doomed}`, { token: t })).status).toBe(404);
  });

  it('other nexus commands work while serve owns the folder: tickets list --json and tickets assign', async () => {
    const list = await box.run(['tickets', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
    expect(list.json().items.map((t: { number: number }) => t.number)).toContain(ticket);
    const assign = await box.run(['tickets', 'assign', String(ticket), '--to', 'ana@example.com', '--json']);
    expect(assign.code, assign.stderr).toBe(0);
    expect(assign.json().assignee.email).toBe('ana@example.com');
    // The API sees the CLI's change at once: one database.
    expect((await http(serve.url, 'GET', `/v1/tickets/${ticket}`, { token: tokens.agent })).json.ticket.assignee.email).toBe('ana@example.com');
  });

  it('CLI commands through the socket and API transactions at the same time all succeed and do not interleave', async () => {
    const creates = Array.from({ length: 30 }, (_, i) => http(serve.url, 'POST', '/v1/tickets', { token: tokens.customer, body: { subject: `Busy ${i}`, message: 'load' } }));
    const [assign, ...lists] = await Promise.all([
      box.run(['tickets', 'assign', String(ticket), '--to', 'admin@example.com', '--json']),
      ...Array.from({ length: 4 }, () => box.run(['tickets', 'list', '--json', '--limit', '100'])),
    ]);
    const answers = await Promise.all(creates);
    expect(answers.map((r) => r.status)).toEqual(Array(30).fill(201));
    for (const run of [assign, ...lists]) expect(run.code, run.stderr).toBe(0);
    expect(assign.json().assignee.email).toBe('admin@example.com');
    const after = await box.run(['tickets', 'list', '--json', '--limit', '100']);
    expect(after.code, after.stderr).toBe(0);
    expect(after.json().items.filter((t: { subject: string }) => t.subject.startsWith('Busy '))).toHaveLength(30);
    expect(new Set(after.json().items.map((t: { number: number }) => t.number)).size).toBe(after.json().items.length);
  });

  it('password reset by mail: the outbox gets the token, it works once, and old tokens die', async () => {
    expect((await http(serve.url, 'POST', '/v1/auth/forgot-password', { body: { email: 'cara@example.com' } })).status).toBe(202);
    // The answer goes out before the mail is written: poll the outbox with a deadline.
    let mail: { to: string; text: string } | undefined;
    for (const deadline = Date.now() + 10_000; !mail && Date.now() < deadline; ) {
      const outbox = await box.run(['email', 'outbox', '--json']);
      expect(outbox.code, outbox.stderr).toBe(0);
      mail = (outbox.json() as { items: { to: string; text: string }[] }).items.find((m) => m.to === 'cara@example.com');
    }
    if (!mail) throw new Error('no reset mail in the outbox');
    expect(mail.to).toBe('cara@example.com');
    const token = /Your reset token: (\S+)/.exec(mail.text)![1]!;
    expect((await http(serve.url, 'POST', '/v1/auth/reset-password', { body: { token, password: 'a new password' } })).status).toBe(200);
    expect((await http(serve.url, 'GET', '/v1/auth/me', { token: tokens.customer })).status).toBe(401);
    expect((await http(serve.url, 'POST', '/v1/auth/reset-password', { body: { token, password: 'another one!' } })).status).toBe(400);
    expect((await http(serve.url, 'POST', '/v1/auth/login', { body: { email: 'cara@example.com', password: 'a new password' } })).status).toBe(200);
  });

  it('refuses a second serve on the same folder, and a port that is taken, with a clear message', async () => {
    const second = await box.run(['serve', '--port', '0']);
    expect(second.code).toBe(6);
    expect(second.stderr).toMatch(/already serves/);
    const port = new URL(serve.url).port;
    const other = new CliSandbox();
    try {
      other.initFromTemplate();
      const taken = await other.run(['serve', '--port', port]);
      expect(taken.code).toBe(6);
      expect(taken.stderr).toMatch(/already in use/);
    } finally {
      other.cleanup();
    }
  });

  it('SIGTERM stops it cleanly: exit 0, lock released, and the folder opens directly afterwards', async () => {
    expect(await serve.stop('SIGTERM')).toBe(0);
    expect(existsSync(join(box.env.NEXUS_DATA_DIR!, 'nexus.lock'))).toBe(false);
    const list = await box.run(['tickets', 'list', '--json']);
    expect(list.code, list.stderr).toBe(0);
  });
});
