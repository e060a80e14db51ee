import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { errorDocumentSchema, listOf, messageSchema, threadSchema, ticketSchema, userSchema, attachmentSchema, tagSchema, categorySchema } from '../../src/core/documents.js';
import { loadCommandTree } from '../../src/commands/command-tree.js';
import { aiStatusSchema } from '../../src/core/ai/get-ai-status.js';
import { aiTraceSchema } from '../../src/core/ai/list-ai-traces.js';
import { dbStatusSchema } from '../../src/core/db/get-db-status.js';
import { outboxMailSchema } from '../../src/core/email/outbound/list-outbox.js';
import { CliSandbox } from '../support/cli.js';
import { contractViolations, schemaViolations } from '../support/contract.js';
import { http, spawnServe, type ServeProcess } from '../support/server.js';

// Issue 8, acceptance 1: every command with --json and every route in /openapi.json, run on one seeded
// desk, answers documents of the one contract: lists in {items, nextCursor}, camelCase keys, null (never
// "") for absent values, and the shared schema where the document is a known resource.
// The walk is about the documents, so each command runs in this process (runMain, its own streams,
// the sandbox's environment) against the real `nexus serve` holding the desk: a process per command
// cost ~0.5 s of CPU each for start-up alone. The binary itself is walked by the other e2e files.
process.env.TZ = 'UTC';
const box = new CliSandbox({ TZ: 'UTC' });
afterAll(() => box.cleanup());

const tickets = listOf(ticketSchema);

// Files the email, KB and backup commands read: one raw message, one Markdown folder, one backup path.
const eml = join(box.root, 'in.eml');
writeFileSync(eml, 'From: Cara <cara@example.com>\r\nTo: support@example.com\r\nSubject: Invoice copy\r\nMessage-ID: <one@example.com>\r\nDate: Mon, 30 Nov 2026 09:00:00 +0000\r\n\r\nPlease send my invoice again.\r\n');
const kbDir = join(box.root, 'kb');
mkdirSync(kbDir);
writeFileSync(join(kbDir, 'refunds.md'), '---\ntitle: Refunds\nslug: refunds\ntags: [billing]\n---\nRefunds take five days.\n');
const backupFile = join(box.root, 'desk.nexus.gz');

/** The CLI walk, in order: each entry is argv (with --json) and the schema its document must match. */
const CLI: [string[], z.ZodType | null, { input?: string; as?: string; exit?: number }?][] = [
  [['whoami', '--json'], null],
  [['users', 'create', '--email', 'ana@example.com', '--name', 'Ana Lima', '--role', 'agent', '--password', 'desk-pass-4821', '--json'], userSchema],
  [['users', 'create', '--email', 'cara@example.com', '--role', 'customer', '--password', 'desk-pass-4821', '--json'], userSchema],
  [['users', 'create', '--email', 'spare@example.com', '--role', 'agent', '--json'], userSchema],
  [['tags', 'create', 'billing', '--json'], tagSchema],
  [['tags', 'create', 'vip', '--json'], tagSchema],
  [['categories', 'create', 'Billing', '--json'], categorySchema],
  [['categories', 'create', 'Access', '--json'], categorySchema],
  [['tickets', 'create', '--customer', 'cara@example.com', '--subject', 'Cannot log in', '-m', 'Reset mail never arrives', '--json'], null],
  [['tickets', 'create', '--customer', 'cara@example.com', '--subject', 'Printer', '-m', 'On fire', '--priority', 'urgent', '--json'], null],
  [['tickets', 'list', '--json'], tickets],
  [['tickets', 'list', '--limit', '1', '--all', '--json'], tickets],
  [['tickets', 'mine', '--json'], tickets],
  [['tickets', 'view', '1001', '--json'], threadSchema],
  [['tickets', 'reply', '1001', '-m', 'A new link is on its way', '--json'], null],
  [['tickets', 'note', '1001', '-m', 'Mail relay is slow', '--json'], messageSchema],
  [['tickets', 'assign', '1001', '--assignee', 'ana@example.com', '--json'], ticketSchema],
  [['tickets', 'assign', '1001', '1002', '--assignee', '@me', '--json'], tickets],
  [['tickets', 'unassign', '1002', '--json'], ticketSchema],
  [['tickets', 'escalate', '1002', '--reason', 'VIP', '--json'], ticketSchema],
  [['tickets', 'priority', '1001', 'high', '--json'], ticketSchema],
  [['tickets', 'edit', '1001', '--subject', 'Cannot sign in', '--json'], ticketSchema],
  [['tickets', 'tag', '1001', 'billing', 'vip', '--json'], null],
  [['tickets', 'untag', '1001', 'vip', '--json'], null],
  [['tickets', 'category', '1001', 'Billing', '--json'], null],
  [['tickets', 'time', '1001', '--minutes', '15', '--json'], null],
  [['tickets', 'time', '1001', '--list', '--json'], null],
  [['tickets', 'attach', '1001', '-', '--name', 'notes.txt', '--json'], attachmentSchema, { input: 'plain text notes\n' }],
  [['tickets', 'attachments', '1001', '--json'], listOf(attachmentSchema)],
  [['tickets', 'history', '1001', '--json'], null],
  [['tickets', 'close', '1001', '--json'], ticketSchema],
  [['tickets', 'reopen', '1001', '--json'], ticketSchema],
  [['tickets', 'close', '1002', '--json'], ticketSchema],
  [['tickets', 'delete', '1002', '--json'], null],
  [['tickets', 'trash', '--json'], null],
  [['tickets', 'restore', '1002', '--json'], ticketSchema],
  [['tickets', 'delete', '1002', '--json'], null],
  [['tickets', 'purge', '1002', '--yes', '--json'], null],
  [['stats', '--json'], null],
  [['tags', 'list', '--json'], listOf(tagSchema)],
  [['tags', 'rename', 'billing', 'money', '--json'], tagSchema],
  [['tags', 'delete', 'vip', '--json'], null],
  [['categories', 'list', '--json'], listOf(categorySchema)],
  [['categories', 'rename', 'Access', 'Login', '--json'], categorySchema],
  [['categories', 'delete', 'Login', '--json'], null],
  [['users', 'list', '--json'], listOf(userSchema)],
  [['users', 'list', '--limit', '1', '--all', '--json'], listOf(userSchema)],
  [['users', 'set-role', 'spare@example.com', 'admin', '--json'], userSchema],
  [['users', 'disable', 'spare@example.com', '--yes', '--json'], userSchema],
  [['users', 'enable', 'spare@example.com', '--json'], userSchema],
  [['users', 'reset-password', 'spare@example.com', '--password', 'password456', '--json'], null],
  [['db', 'migrate', '--json'], null],
  [['db', 'status', '--json'], dbStatusSchema],
  [['config', 'show', '--json'], null],
  [['config', 'path', '--json'], null],
  [['email', 'outbox', '--json'], listOf(outboxMailSchema)],
  [['email', 'outbox', '--limit', '1', '--all', '--json'], listOf(outboxMailSchema)],
  [['ai', 'redact', '--json'], null, { input: 'Call me on +1 415 555 0100 or mail bo@example.com' }],
  [['ai', 'traces', '--json'], listOf(aiTraceSchema)],
  [['ai', 'status', '--json'], aiStatusSchema],
  [['doctor', '--json'], null],
  [['tickets', 'pending', '1001', '--json'], ticketSchema],
  [['tickets', 'ai', '1001', 'off', '--json'], null],
  [['tickets', 'similar', '1001', '--json'], null],
  // No AI model is configured on this desk, so agent assist answers the error document.
  [['tickets', 'suggest', '1001', '--json'], errorDocumentSchema],
  [['email', 'accounts', 'add', 'support@example.com', '--display-name', 'ACME Support', '--alias', 'help@example.com', '--webhook-only', '--smtp-host', '127.0.0.1', '--smtp-port', '1', '--json'], null],
  [['email', 'accounts', 'add', 'old@example.com', '--webhook-only', '--json'], null],
  [['email', 'accounts', 'list', '--json'], null],
  [['email', 'accounts', 'show', 'support@example.com', '--json'], null],
  [['email', 'accounts', 'update', 'support@example.com', '--display-name', 'ACME Help', '--json'], null],
  [['email', 'accounts', 'remove', 'old@example.com', '--json'], null],
  // Nothing listens on the SMTP port: the test reports each step with ok false, and exits 1.
  [['email', 'accounts', 'test', 'support@example.com', '--json'], null, { exit: 1 }],
  [['email', 'ingest', eml, '--mailbox', 'support@example.com', '--json'], null],
  [['email', 'poll', '--json'], null],
  [['email', 'status', '--json'], null],
  [['email', 'templates', 'list', '--json'], null],
  [['email', 'templates', 'show', 'ack', '--json'], null],
  [['email', 'templates', 'edit', 'ack', '--subject', 'We got your message', '--json'], null],
  [['email', 'templates', 'preview', 'agent_reply', '--ticket', '1001', '--json'], null],
  [['sla', 'calendars', 'create', 'Berlin office', '--time-zone', 'Europe/Berlin', '--hours', 'mon-fri 09:00-17:00', '--holidays', '2026-12-25', '--json'], null],
  [['sla', 'calendars', 'create', 'Spare', '--time-zone', 'UTC', '--hours', 'mon-fri 08:00-16:00', '--json'], null],
  [['sla', 'calendars', 'list', '--json'], null],
  [['sla', 'calendars', 'update', 'Berlin office', '--holidays', '2026-12-24,2026-12-25', '--json'], null],
  [['sla', 'calendars', 'remove', 'Spare', '--json'], null],
  [['sla', 'policies', 'create', 'Urgent', '--priority', 'urgent', '--first-response', '1h', '--resolution', '8h', '--calendar', 'Berlin office', '--json'], null],
  [['sla', 'policies', 'create', 'Low', '--priority', 'low', '--first-response', '1d', '--resolution', '5d', '--json'], null],
  [['sla', 'policies', 'list', '--json'], null],
  [['sla', 'policies', 'update', 'Urgent', '--first-response', '2h', '--json'], null],
  [['sla', 'policies', 'remove', 'Low', '--json'], null],
  [['sla', 'explain', '1001', '--json'], null],
  [['sla', 'report', '--group-by', 'priority', '--json'], null],
  [['sla', 'check', '--json'], null],
  [['groups', 'create', 'Tier 1', '--members', 'ana@example.com', '--json'], null],
  [['groups', 'create', 'Spare', '--json'], null],
  [['groups', 'list', '--json'], null],
  [['groups', 'update', 'Tier 1', '--add', 'admin@example.com', '--json'], null],
  [['groups', 'remove', 'Spare', '--json'], null],
  [['routing', 'rules', 'create', 'Refunds', '--if-words', 'refund,chargeback', '--set-priority', 'high', '--group', 'Tier 1', '--json'], null],
  [['routing', 'rules', 'create', 'VIP', '--if-domain', 'example.com', '--assign', 'ana@example.com', '--stop', '--json'], null],
  [['routing', 'rules', 'list', '--json'], null],
  [['routing', 'rules', 'update', 'Refunds', '--disable', '--json'], null],
  [['routing', 'rules', 'move', 'VIP', '1', '--json'], null],
  [['routing', 'rules', 'remove', 'VIP', '--json'], null],
  [['routing', 'test', '--subject', 'Refund please', '--message', 'I was charged twice', '--from', 'ana@shop.com', '--json'], null],
  [['kb', 'articles', 'create', '--title', 'Reset your password', '--body', 'Use the link on the sign-in page.', '--tags', 'account', '--json'], null],
  [['kb', 'articles', 'list', '--json'], null],
  [['kb', 'articles', 'show', 'reset-your-password', '--json'], null],
  [['kb', 'articles', 'edit', 'reset-your-password', '--title', 'Reset a password', '--json'], null],
  [['kb', 'articles', 'publish', 'reset-your-password', '--json'], null],
  [['kb', 'articles', 'unpublish', 'reset-your-password', '--json'], null],
  [['kb', 'articles', 'import', kbDir, '--publish', '--json'], null],
  [['kb', 'articles', 'remove', 'reset-your-password', '--json'], null],
  [['kb', 'search', 'refunds', '--json'], null],
  [['owner', 'status', '--json'], null],
  // `nexus serve` holds this desk, and `owner stop` leaves serve alone: it answers the error document.
  [['owner', 'stop', '--json'], errorDocumentSchema],
  [['backup', backupFile, '--json'], null],
  // This desk is not empty, so restoring or importing into it answers the error document.
  [['restore', backupFile, '--json'], errorDocumentSchema],
  [['import', backupFile, '--json'], errorDocumentSchema],
  // As the customer: a rating needs an AI reply, which this desk has none of, so it answers the error document.
  [['login', '--email', 'cara@example.com', '--password-stdin', '--json'], null, { input: 'desk-pass-4821\n' }],
  [['tickets', 'rate', '1001', '00000000-0000-4000-8000-000000000000', '5', '--json'], errorDocumentSchema],
  [['logout', '--json'], null],
];

/** Commands the walk leaves out, each with the reason. */
const NOT_WALKED: Record<string, string> = {
  'nexus init': 'run once in beforeAll (its document is checked there)',
  'nexus tickets download': 'writes the file; checked below with --output',
};

describe('the one JSON contract (issue 8 acceptance 1)', () => {
  const seen = new Map<string, unknown>();
  let serve: ServeProcess;

  // `nexus serve` holds the desk, so each command goes through its socket instead of opening the folder.
  beforeAll(async () => {
    const init = await box.run(['init', '--admin-email', 'admin@example.com', '--admin-password', 'desk-pass-4821', '--no-input', '--json']);
    expect(init.code, init.stderr).toBe(0);
    seen.set('nexus init', init.json());
    serve = await spawnServe(box.env);
  }, 180_000);
  afterAll(async () => {
    await serve?.stop();
  });

  it('walks every command that takes --json', async () => {
    const problems: string[] = [];
    for (const [argv, schema, options] of CLI) {
      const result = await box.runInProcess(argv, { input: options?.input });
      const label = `nexus ${argv.join(' ')}`;
      let doc: unknown;
      try {
        doc = result.json();
      } catch {
        problems.push(`${label}: stdout is not JSON (exit ${result.code}): ${result.stdout.slice(0, 200)} ${result.stderr.slice(0, 300)}`);
        continue;
      }
      if (result.code !== (options?.exit ?? 0) && schema !== errorDocumentSchema) problems.push(`${label}: exit ${result.code}: ${JSON.stringify(doc).slice(0, 300)}`);
      for (const v of contractViolations(doc)) problems.push(`${label}: ${v}`);
      if (schema) for (const v of schemaViolations(schema, doc)) problems.push(`${label}: ${v}`);
      seen.set(`nexus ${argv.filter((a) => !a.startsWith('-') && !/^\d|@/.test(a)).slice(0, 2).join(' ')}`, doc);
    }
    const attachmentId = (seen.get('nexus tickets attachments') as { items: { id: string }[] }).items[0]!.id;
    const download = await box.runInProcess(['tickets', 'download', '1001', attachmentId, '--output', join(box.root, 'out.txt'), '--json']);
    for (const v of contractViolations(download.json())) problems.push(`nexus tickets download: ${v}`);
    expect(problems).toEqual([]);

    // Every command with --json is in the walk (a new one must be added above).
    // Each walked argv's words (flags left out), so `email accounts list` and `tickets view 1001` both name their command.
    const walked = new Set(CLI.map(([argv]) => `nexus ${argv.filter((a) => !a.startsWith('-')).join(' ')}`));
    const tree = await loadCommandTree();
    const withJson = tree.flatMap((g) => g.leaves).filter((l) => l.command.options.some((o) => o.long === '--json')).map((l) => l.path);
    const missing = withJson.filter((path) => !NOT_WALKED[path] && ![...walked].some((w) => w === path || w.startsWith(`${path} `)));
    expect(missing).toEqual([]);
  }, 900_000);

  describe('and every route in /openapi.json', () => {
    it('answers every operation with a contract document', async () => {
      const spec = (await http(serve.url, 'GET', '/openapi.json')).json as { paths: Record<string, Record<string, unknown>> };
      const login = async (email: string) => (await http(serve.url, 'POST', '/v1/auth/login', { body: { email, password: 'desk-pass-4821' } })).json.accessToken as string;
      const admin = await login('admin@example.com');
      const customer = await login('cara@example.com');
      const created = (await http(serve.url, 'POST', '/v1/tickets', { token: customer, body: { subject: 'API ticket', body: 'Hello from the API' } })).json;
      const n = created.ticket.number as number;
      const messageId = created.message.id as string;
      const upload = await fetch(`${serve.url}/v1/tickets/${n}/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${customer}`, 'content-type': 'multipart/form-data; boundary=b' },
        body: `--b\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--b--\r\n`,
      });
      const uploaded = (await upload.json()) as { id: string };
      const attachmentId = uploaded.id;
      const refresh = (await http(serve.url, 'POST', '/v1/auth/login', { body: { email: 'cara@example.com', password: 'desk-pass-4821' } })).json.refreshToken as string;
      await http(serve.url, 'POST', '/v1/tags', { token: admin, body: { name: 'urgent-fix' } });
      await http(serve.url, 'POST', '/v1/categories', { token: admin, body: { name: 'Shipping' } });

      // Each operation, in an order where each finds what it needs. [method, path, token, body?]
      const calls: [string, string, string | null, unknown?][] = [
        ['GET', '/healthz', null],
        ['GET', '/readyz', null],
        ['POST', '/v1/auth/register', null, { email: 'dee@example.com', password: 'desk-pass-4821', name: 'Dee' }],
        ['POST', '/v1/auth/login', null, { email: 'cara@example.com', password: 'desk-pass-4821' }],
        ['POST', '/v1/auth/refresh', null, { refreshToken: refresh }],
        ['GET', '/v1/auth/me', customer],
        ['POST', '/v1/auth/forgot-password', null, { email: 'cara@example.com' }],
        ['POST', '/v1/auth/reset-password', null, { token: 'not-a-token', password: 'password789' }],
        ['POST', '/v1/tickets', customer, { subject: 'Second', body: 'Another question' }],
        ['GET', '/v1/tickets', customer],
        ['GET', '/v1/tickets/{number}', customer],
        ['POST', '/v1/tickets/{number}/messages', customer, { body: 'Any news?' }],
        ['GET', '/v1/tickets/{number}/sla', customer],
        ['GET', '/v1/tickets/{number}/attachments', customer],
        ['GET', '/v1/tickets/{number}/attachments/{attachmentId}', customer],
        ['PUT', '/v1/tickets/{number}/messages/{messageId}/rating', customer, { rating: 5 }],
        ['POST', '/v1/tickets/{number}/escalate', customer, { reason: 'please' }],
        ['PATCH', '/v1/tickets/{number}', admin, { priority: 'high' }],
        ['POST', '/v1/tickets/{number}/assign', admin, { assignee: '@me' }],
        ['POST', '/v1/tickets/{number}/unassign', admin],
        ['POST', '/v1/tickets/{number}/notes', admin, { body: 'internal' }],
        ['POST', '/v1/tickets/{number}/tags', admin, { tags: ['urgent-fix'] }],
        ['DELETE', '/v1/tickets/{number}/tags/{tag}', admin],
        ['PUT', '/v1/tickets/{number}/category', admin, { category: 'Shipping' }],
        ['POST', '/v1/tickets/{number}/time-entries', admin, { minutes: 5 }],
        ['GET', '/v1/tickets/{number}/time-entries', admin],
        ['GET', '/v1/tickets/{number}/history', admin],
        ['POST', '/v1/tickets/{number}/close', admin],
        ['POST', '/v1/tickets/{number}/reopen', admin],
        ['GET', '/v1/stats', admin],
        ['GET', '/v1/tags', admin],
        ['POST', '/v1/tags', admin, { name: 'temp' }],
        ['PATCH', '/v1/tags/{name}', admin, { name: 'temporary' }],
        ['DELETE', '/v1/tags/{name}', admin],
        ['GET', '/v1/categories', admin],
        ['POST', '/v1/categories', admin, { name: 'Temp' }],
        ['PATCH', '/v1/categories/{name}', admin, { name: 'Temporary' }],
        ['DELETE', '/v1/categories/{name}', admin],
        ['GET', '/v1/users', admin],
        ['POST', '/v1/users', admin, { email: 'eve@example.com', role: 'agent', password: 'desk-pass-4821' }],
        ['PATCH', '/v1/users/{email}', admin, { isDisabled: true }],
        ['PUT', '/v1/users/{email}/password', admin, { password: 'password456' }],
        ['DELETE', '/v1/tickets/{number}/attachments/{attachmentId}', admin],
        ['DELETE', '/v1/tickets/{number}', admin],
        ['GET', '/v1/trash', admin],
        ['POST', '/v1/trash/{number}/restore', admin],
        ['DELETE', '/v1/trash/{number}', admin],
        ['GET', '/v1/sla-calendars', admin],
        ['POST', '/v1/sla-calendars', admin, { name: 'API hours', timeZone: 'UTC', hours: 'mon-fri 09:00-17:00', holidays: ['2026-12-25'] }],
        ['PATCH', '/v1/sla-calendars/{calendar}', admin, { holidays: '2026-12-24,2026-12-25' }],
        ['GET', '/v1/sla-policies', admin],
        ['POST', '/v1/sla-policies', admin, { name: 'API medium', priority: 'medium', firstResponse: '4h', resolution: 3600 * 48, calendar: 'API hours' }],
        ['PATCH', '/v1/sla-policies/{policy}', admin, { firstResponse: '2h', calendar: null }],
        ['DELETE', '/v1/sla-policies/{policy}', admin],
        ['DELETE', '/v1/sla-calendars/{calendar}', admin],
        ['GET', '/v1/groups', admin],
        ['POST', '/v1/groups', admin, { name: 'API group', members: ['admin@example.com'] }],
        ['PATCH', '/v1/groups/{group}', admin, { add: ['eve@example.com'] }],
        ['GET', '/v1/routing-rules', admin],
        ['POST', '/v1/routing-rules', admin, { name: 'API rule', conditions: { keywords: ['refund'] }, actions: { group: 'API group', setPriority: 'high' } }],
        ['PATCH', '/v1/routing-rules/{rule}', admin, { position: 1, isEnabled: false }],
        ['DELETE', '/v1/routing-rules/{rule}', admin],
        ['DELETE', '/v1/groups/{group}', admin],
        ['POST', '/v1/kb/articles', admin, { title: 'API article', body: 'Refunds take five days.', tags: ['billing'], slug: 'api-article' }],
        ['GET', '/v1/kb/articles', admin],
        ['GET', '/v1/kb/articles/{article}', admin],
        ['PATCH', '/v1/kb/articles/{article}', admin, { title: 'API article, again' }],
        ['GET', '/v1/kb/articles/{article}/versions', admin],
        ['POST', '/v1/kb/articles/{article}/publish', admin],
        ['GET', '/v1/kb/search', customer],
        ['POST', '/v1/kb/articles/{article}/unpublish', admin],
        ['DELETE', '/v1/kb/articles/{article}', admin],
        ['GET', '/v1/tickets/{number}/similar', admin],
        ['GET', '/v1/tickets/{number}/citations', admin],
        // No AI model is configured on this desk: an error document.
        ['POST', '/v1/tickets/{number}/suggest', admin],
        ['GET', '/v1/email-accounts', admin],
        ['POST', '/v1/email-accounts', admin, { address: 'api@example.com', displayName: 'API desk', inbound: { type: 'webhook' } }],
        ['GET', '/v1/email-accounts/{account}', admin],
        ['PATCH', '/v1/email-accounts/{account}', admin, { displayName: 'API help' }],
        // No mail server behind the account: the test reports its steps or answers an error document.
        ['POST', '/v1/email-accounts/{account}/test', admin],
        ['DELETE', '/v1/email-accounts/{account}', admin],
        ['GET', '/v1/email-templates', admin],
        ['GET', '/v1/email-templates/{key}', admin],
        ['PATCH', '/v1/email-templates/{key}', admin, { subject: 'Closed: {{subject}}' }],
        ['POST', '/v1/email-templates/{key}/preview', admin, {}],
        // No webhook secret is configured on this desk, so the provider's post answers an error document.
        ['POST', '/v1/webhooks/email/{provider}', null, { from: 'cara@example.com', to: 'support@example.com', subject: 'Hi', text: 'Hello' }],
        // Issue 8: the API twins of email outbox, ai traces, ai status and db status.
        ['GET', '/v1/email/outbox', admin],
        ['GET', '/v1/ai/traces', admin],
        ['GET', '/v1/ai/traces/{traceId}', admin],
        ['GET', '/v1/ai/status', admin],
        ['GET', '/v1/db/status', admin],
        ['POST', '/v1/auth/logout', customer],
      ];
      /** Routes whose success document has a schema of its own (the same one the CLI's --json is checked against). */
      const SCHEMAS: Record<string, z.ZodType> = {
        'GET /v1/email/outbox': listOf(outboxMailSchema),
        'GET /v1/ai/traces': listOf(aiTraceSchema),
        'GET /v1/ai/traces/{traceId}': aiTraceSchema,
        'GET /v1/ai/status': aiStatusSchema,
        'GET /v1/db/status': dbStatusSchema,
      };
      // A trace to show, when the desk has one; otherwise the route answers its 404 error document.
      const traces = (await http(serve.url, 'GET', '/v1/ai/traces', { token: admin })).json as { items: { id: string }[] };
      const traceId = traces.items[0]?.id ?? '00000000-0000-4000-8000-000000000000';
      const names: Record<string, string> = {
        'PATCH /v1/tags/{name}': 'temp',
        'DELETE /v1/tags/{name}': 'temporary',
        'PATCH /v1/categories/{name}': 'Temp',
        'DELETE /v1/categories/{name}': 'Temporary',
      };
      const problems: string[] = contractViolations(uploaded).map((v) => `POST /v1/tickets/{number}/attachments: ${v}`);
      if (upload.status !== 201) problems.push(`POST /v1/tickets/{number}/attachments: ${upload.status}`);
      for (const [method, template, token, body] of calls) {
        const path = template
          .replaceAll('{number}', String(n))
          .replace('{attachmentId}', attachmentId)
          .replace('{messageId}', messageId)
          .replace('{tag}', 'urgent-fix')
          .replace('{email}', 'eve@example.com')
          .replace('{name}', names[`${method} ${template}`] ?? '')
          .replace('{calendar}', 'API%20hours')
          .replace('{policy}', 'API%20medium')
          .replace('{group}', 'API%20group')
          .replace('{rule}', 'API%20rule')
          .replace('{article}', 'api-article')
          .replace('{account}', 'api@example.com')
          .replace('{key}', 'closed')
          .replace('{provider}', 'sendgrid')
          .replace('{traceId}', traceId) + (template === '/v1/kb/search' ? '?q=refunds' : '');
        const res = await http(serve.url, method, path, { token: token ?? undefined, body });
        const label = `${method} ${template}`;
        if (res.status >= 500) problems.push(`${label}: ${res.status}`);
        if (res.headers.get('content-type')?.includes('application/json')) {
          for (const v of contractViolations(res.json)) problems.push(`${label} (${res.status}): ${v}`);
          if (res.status >= 400) for (const v of schemaViolations(errorDocumentSchema, res.json)) problems.push(`${label}: ${v}`);
          else if (SCHEMAS[label]) for (const v of schemaViolations(SCHEMAS[label], res.json)) problems.push(`${label}: ${v}`);
        }
      }
      expect(problems).toEqual([]);
      // The CLI and the API answer one document: the schema's state, and the desk's AI as `nexus serve` published it.
      const [cliDb, apiDb] = [seen.get('nexus db status'), (await http(serve.url, 'GET', '/v1/db/status', { token: admin })).json];
      expect(apiDb).toEqual(cliDb);
      const [cliAi, apiAi] = [seen.get('nexus ai status') as Record<string, unknown>, (await http(serve.url, 'GET', '/v1/ai/status', { token: admin })).json];
      const config = (s: Record<string, unknown>) => ({ configSource: s.configSource, server: s.server && { pid: (s.server as { pid: number }).pid }, model: s.model, apiKeyPresent: s.apiKeyPresent, baseUrlHost: s.baseUrlHost, enabled: s.enabled });
      expect(config(apiAi)).toEqual(config(cliAi));
      expect(apiAi).toMatchObject({ configSource: 'server', server: { command: 'nexus serve' } });
      // Every documented operation is in the walk above (a new route must be added).
      const documented = Object.entries(spec.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
      const walked = new Set([...calls.map(([m, p]) => `${m} ${p}`), 'POST /v1/tickets/{number}/attachments']);
      expect(documented.filter((op) => !walked.has(op))).toEqual([]);
    }, 300_000);
  });
});
