import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKGROUND_OWNER_ENV, CliSandbox } from '../support/cli.js';
import { FakeSupabaseStorage } from '../support/fake-supabase-storage.js';

// A realistic shift on a fresh data folder, driven through the built binary. Each step builds on the
// previous one, as a shift does. As by default, a background owner holds the embedded database
// between the commands (each command opening it itself is walked by foundation.test.ts).
const sandbox = new CliSandbox(BACKGROUND_OWNER_ENV);
const STEP_MS = 240_000;
let attached: { id: string };
let thread: { messages: { id: string; kind: string }[] };
afterAll(() => sandbox.stopOwnerAndCleanup());

const nexus = (...args: string[]) => sandbox.run(args);
const login = async (email: string) => {
  const result = await sandbox.run(['login', '--email', email, '--password-stdin'], { input: 'desk-pass-4821\n' });
  expect(result.code, result.stderr).toBe(0);
};
const ok = async (...args: string[]) => {
  const result = await nexus(...args);
  expect(result.code, `nexus ${args.join(' ')}\n${result.stderr}`).toBe(0);
  return result;
};
const json = async (...args: string[]) => (await ok(...args, '--json')).json();

/** Every file under the data folder's attachments/ (the blobs). */
const storedBlobs = (): string[] => {
  const dir = join(sandbox.env.NEXUS_DATA_DIR!, 'attachments');
  return existsSync(dir) ? (readdirSync(dir, { recursive: true }) as string[]).filter((f) => /[0-9a-f-]{36}$/.test(f) && f.split('/').length === 3) : [];
};

describe('a shift at the desk (built binary)', () => {
  it('opens the desk: admin, agent, customers, tags and a category', async () => {
    sandbox.initFromTemplate();
    await ok('users', 'create', '--email', 'ana@example.com', '--name', 'Ana', '--role', 'agent', '--password', 'desk-pass-4821');
    for (const email of ['bo@example.com', 'cy@example.com']) await ok('users', 'create', '--email', email, '--role', 'customer', '--password', 'desk-pass-4821');
    expect(await json('tags', 'create', 'billing', '--color', '#1f6feb')).toMatchObject({ name: 'billing', color: '#1f6feb', ticketCount: 0 });
    await ok('tags', 'create', 'VIP');
    expect(await json('categories', 'create', 'Access', '--description', 'Logins and passwords')).toMatchObject({ name: 'Access', ticketCount: 0 });

  }, STEP_MS);

  it("takes customers' tickets, lists and searches them", async () => {
    const first = await json('tickets', 'create', '--customer', 'bo@example.com', '--subject', 'Cannot log in', '-m', 'The reset mail never arrives');
    expect(first).toMatchObject({ created: true, ticket: { number: 1001, status: 'open', customer: { email: 'bo@example.com' } } });
    await json('tickets', 'create', '--customer', 'cy@example.com', '--subject', 'Printer on fire', '-m', 'Smoke everywhere', '--priority', 'urgent');
    expect((await json('tickets', 'list')).items.map((t: { number: number }) => t.number)).toEqual([1002, 1001]);
    expect((await json('tickets', 'list', '--search', 'reset mail')).items.map((t: { number: number }) => t.number)).toEqual([1001]);

  }, STEP_MS);

  it('an agent assigns, replies, notes, tags, categorises and logs time', async () => {
    expect(await json('tickets', 'assign', '1001', '--to', 'ana@example.com')).toMatchObject({ status: 'assigned', assignee: { email: 'ana@example.com' } });
    await login('ana@example.com');
    expect(await json('tickets', 'reply', '1001', '-m', 'A new link is on its way')).toMatchObject({ message: { kind: 'agent' }, ticket: { firstResponseAt: expect.any(String) } });
    await ok('tickets', 'note', '1001', '-m', 'Mail relay is slow today');
    expect(await json('tickets', 'tag', '1001', 'billing', 'vip')).toEqual({ ticketNumber: 1001, tags: ['billing', 'VIP'], changed: ['billing', 'VIP'] });
    expect(await json('tickets', 'tag', '1001', 'VIP')).toEqual({ ticketNumber: 1001, tags: ['billing', 'VIP'], changed: [] });
    const unknownTag = await nexus('tickets', 'tag', '1001', 'urgent-ish');
    expect(unknownTag.code).toBe(5);
    expect(unknownTag.stderr).toContain('Tag "urgent-ish" not found');
    expect(await json('tickets', 'category', '1001', 'access')).toEqual({ ticketNumber: 1001, category: 'Access', changed: true });
    expect((await json('tickets', 'list', '--tag', 'vip')).items.map((t: { number: number }) => t.number)).toEqual([1001]);
    const logged = await json('tickets', 'time', '1001', '--minutes', '30', '--type', 'work', '--billable', '--description', 'Checked the relay');
    expect(logged).toMatchObject({ ticketNumber: 1001, entry: { minutes: 30, type: 'work', billable: true, user: { email: 'ana@example.com' } }, totals: { totalMinutes: 30, billableMinutes: 30 } });
    await ok('tickets', 'time', '1001', '--minutes', '15', '--type', 'research');
    expect((await json('tickets', 'time', '1001', '--list')).totals).toEqual({ totalMinutes: 45, billableMinutes: 30 });
    expect((await nexus('tickets', 'time', '1001', '--minutes', '0')).code).toBe(2);

  }, STEP_MS);

  it('attaches a file; an 11 MB file and an executable are refused and nothing is stored', async () => {
    const log = join(sandbox.root, 'relay.log');
    writeFileSync(log, 'relay queue: 1432 messages\n');
    attached = await json('tickets', 'attach', '1001', log);
    expect(attached).toMatchObject({ ticketNumber: 1001, filename: 'relay.log', contentType: 'text/plain', sizeBytes: 27, uploadedBy: { email: 'ana@example.com' } });
    const big = join(sandbox.root, 'big.txt');
    writeFileSync(big, Buffer.alloc(11 * 1024 * 1024, 'a'));
    const tooBig = await nexus('tickets', 'attach', '1001', big);
    expect(tooBig.code).toBe(2);
    expect(tooBig.stderr).toContain('attachments may be at most 10 MB');
    const exe = join(sandbox.root, 'invoice.pdf');
    writeFileSync(exe, Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00]));
    const wrongType = await nexus('tickets', 'attach', '1001', exe);
    expect(wrongType.code).toBe(2);
    expect(wrongType.stderr).toContain('not allowed');
    expect((await json('tickets', 'attachments', '1001')).items.map((a: { id: string }) => a.id)).toEqual([attached.id]);
    expect(storedBlobs()).toHaveLength(1);

  }, STEP_MS);

  it('closes; the customer logs in, replies and so reopens it, and sees only their own', async () => {
    expect(await json('tickets', 'close', '1001')).toMatchObject({ status: 'closed' });
    await login('bo@example.com');
    const reopened = await json('tickets', 'reply', '1001', '-m', 'Still no mail, sorry');
    expect(reopened.ticket).toMatchObject({ number: 1001, status: 'open', resolvedAt: null });
    thread = await json('tickets', 'view', '1001');
    expect(thread.messages.map((m: { kind: string }) => m.kind)).toContain('customer');
    expect(thread.messages.map((m: { kind: string }) => m.kind)).not.toContain('internal');
    const saved = join(sandbox.root, 'copy.log');
    expect(await json('tickets', 'download', '1001', attached.id, '-o', saved)).toMatchObject({ id: attached.id, savedTo: saved });
    // Someone else's ticket looks exactly like a missing one.
    const theirs = await nexus('tickets', 'view', '1002');
    const missing = await nexus('tickets', 'view', '4242');
    expect([theirs.code, missing.code]).toEqual([5, 5]);
    expect(theirs.stderr.replace('1002', 'N')).toBe(missing.stderr.replace('4242', 'N'));
    const rateHuman = await nexus('tickets', 'rate', '1001', thread.messages[0]!.id, '5');
    expect(rateHuman.code).toBe(2);
    expect(rateHuman.stderr).toContain('Only AI replies can be rated');
    // Staff tools do not exist for a customer: deleting their own ticket is exit 5, exactly like a missing one.
    const deleteOwn = await nexus('tickets', 'delete', '1001');
    const deleteMissing = await nexus('tickets', 'delete', '4242');
    expect([deleteOwn.code, deleteMissing.code]).toEqual([5, 5]);
    expect(deleteOwn.stderr).toContain('Ticket #1001 not found');
    expect(deleteOwn.stderr.replace('1001', 'N')).toBe(deleteMissing.stderr.replace('4242', 'N'));

  }, STEP_MS);

  it('deletes, restores, deletes again; an admin purges every row and blob', async () => {
    await login('ana@example.com');
    await ok('tickets', 'close', '1001');
    const notClosed = await nexus('tickets', 'delete', '1001', '1002');
    expect(notClosed.code).toBe(6);
    expect(notClosed.stderr).toContain('#1002 is open');
    expect(await json('tickets', 'delete', '1001')).toEqual({ deleted: [1001], purgeAfterDays: 30 });
    expect(await json('tickets', 'trash')).toEqual({ items: [expect.objectContaining({ number: 1001, daysLeft: 30, deletedBy: expect.objectContaining({ email: 'ana@example.com' }) })], nextCursor: null });
    expect((await json('tickets', 'view', '1001')).ticket).toMatchObject({ number: 1001, deletedAt: expect.any(String) });
    expect((await json('tickets', 'list')).items.map((t: { number: number }) => t.number)).toEqual([1002]);
    expect(await json('tickets', 'restore', '1001')).toMatchObject({ number: 1001, status: 'closed', deletedAt: null });
    await ok('tickets', 'delete', '1001');
    expect((await nexus('tickets', 'purge', '1001')).code).toBe(4);

    await login('admin@example.com');
    expect(await json('tickets', 'purge', '1001')).toEqual({ purged: [1001], count: 1, attachmentsRemoved: 1, blobsFailed: [] });
    expect(await json('tickets', 'trash')).toEqual({ items: [], nextCursor: null });
    expect(storedBlobs()).toEqual([]);
    expect((await nexus('tickets', 'history', '1001')).code).toBe(5);
    expect(await json('tickets', 'purge', '--expired')).toEqual({ purged: [], count: 0, attachmentsRemoved: 0, blobsFailed: [] });
    expect((await json('tags', 'list')).items.map((t: { name: string; ticketCount: number }) => [t.name, t.ticketCount])).toEqual([
      ['billing', 0],
      ['VIP', 0],
    ]);
  }, STEP_MS);

  it('tidies the catalogues: untag, clear a category, rename and delete tags and categories', async () => {
    await json('tickets', 'create', '--customer', 'cy@example.com', '--subject', 'Toner smells', '-m', 'Odd smell');
    await ok('tickets', 'tag', '1003', 'billing', 'VIP');
    expect(await json('tickets', 'untag', '1003', 'billing')).toEqual({ ticketNumber: 1003, tags: ['VIP'], changed: ['billing'] });
    await ok('tickets', 'category', '1003', 'Access');
    expect(await json('tickets', 'category', '1003', '--clear')).toEqual({ ticketNumber: 1003, category: null, changed: true });
    expect((await nexus('tickets', 'category', '1003')).code).toBe(2);
    expect(await json('tags', 'rename', 'vip', 'Priority customer', '--color', '#ff0000')).toMatchObject({ name: 'Priority customer', color: '#ff0000', ticketCount: 1 });
    expect((await nexus('tags', 'create', 'BILLING')).code).toBe(6);
    expect(await json('tags', 'delete', 'priority customer')).toEqual({ name: 'Priority customer', deleted: true, ticketsUntagged: 1 });
    expect(await json('categories', 'rename', 'access', 'Accounts', '--description', 'Logins, passwords, 2FA')).toMatchObject({ name: 'Accounts', description: 'Logins, passwords, 2FA' });
    expect(await json('categories', 'delete', 'Accounts')).toEqual({ name: 'Accounts', deleted: true, ticketsCleared: 0 });
    expect(await json('categories', 'list')).toEqual({ items: [], nextCursor: null });
    const history = await json('tickets', 'history', '1003');
    expect(history.items.map((e: { type: string }) => e.type).filter((type: string) => /tags|category/.test(type))).toEqual([
      'ticket.tags_added',
      'ticket.tags_removed',
      'ticket.category_changed',
      'ticket.category_changed',
      'ticket.tags_removed',
    ]);
    await login('ana@example.com');
    expect((await nexus('tags', 'create', 'new-one')).code).toBe(4);
    expect((await json('tags', 'list')).items.map((t: { name: string }) => t.name)).toEqual(['billing']);
  }, STEP_MS);
});

describe('attachments in Supabase Storage (built binary)', () => {
  const storage = new FakeSupabaseStorage();
  let desk: CliSandbox;
  beforeAll(async () => {
    await storage.start();
    desk = new CliSandbox({ SUPABASE_URL: storage.url, SUPABASE_SERVICE_ROLE_KEY: storage.serviceRoleKey, NEXUS_STORAGE_BUCKET: 'attachments' });
  });
  afterAll(async () => {
    desk.cleanup();
    await storage.stop();
  });

  it('stores the blob in the bucket, not the data folder, and reads it back; purge removes it there', async () => {
    const run = async (...args: string[]) => {
      const result = await desk.run(args);
      expect(result.code, `nexus ${args.join(' ')}\n${result.stderr}`).toBe(0);
      return result;
    };
    desk.initFromTemplate();
    await run('tickets', 'create', '--customer', 'bo@example.com', '--subject', 'Scan attached', '-m', 'See the PDF');
    const pdf = join(desk.root, 'scan.pdf');
    writeFileSync(pdf, '%PDF-1.7\n1 0 obj << >> endobj\n');
    const attachment = (await run('tickets', 'attach', '1001', pdf, '--json')).json();
    expect(attachment).toMatchObject({ filename: 'scan.pdf', contentType: 'application/pdf' });
    expect([...storage.objects.keys()]).toEqual([expect.stringMatching(new RegExp(`^attachments/tickets/[0-9a-f-]{36}/${attachment.id}$`))]);
    expect(existsSync(join(desk.env.NEXUS_DATA_DIR!, 'attachments'))).toBe(false);
    const copy = join(desk.root, 'copy.pdf');
    await run('tickets', 'download', '1001', attachment.id, '-o', copy);
    expect(readFileSync(copy, 'utf8')).toBe('%PDF-1.7\n1 0 obj << >> endobj\n');
    await run('tickets', 'close', '1001');
    await run('tickets', 'delete', '1001');
    expect((await run('tickets', 'purge', '1001', '--json')).json()).toMatchObject({ count: 1, attachmentsRemoved: 1, blobsFailed: [] });
    expect(storage.objects.size).toBe(0);
  }, STEP_MS);
});
