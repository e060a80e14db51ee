import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resetDb, useTestDatabase } from '../../../../test/support/db.js';
import { fixturePath, sharedCorpusAvailable } from '../../../../test/support/fixtures.js';
import { scoreEmailCase, type EmailCase } from './score-case.js';

const t = useTestDatabase();

const eml = (headers: string[], body: string) => new Uint8Array(Buffer.from([...headers, '', body].join('\r\n'), 'latin1'));
const basic = (extra: string[] = [], body = 'Hello, my printer jams.') =>
  eml(['From: Pat Doe <pat@customer.test>', 'To: support@example.com', 'Subject: Printer jams', 'Date: Mon, 23 Nov 2026 10:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', ...extra], body);

// The shared mail corpus: absent in a plain clone (the tests that read it skip, with the reason printed).
const hasEmailDev = sharedCorpusAvailable('email-dev');

describe('ingestMessage', () => {
  it.skipIf(!hasEmailDev)('acceptance 1: every decision of the dev corpus is right (fresh desk per case)', async () => {
    const root = fixturePath('email-dev');
    const admin = await t.user('admin');
    let passed = 0;
    let total = 0;
    for (const name of readdirSync(root).sort()) {
      const spec = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as EmailCase;
      await resetDb(t.db);
      await t.db.insertInto('users').values({ id: admin.id, email: admin.email, name: admin.name, role: 'admin', password_hash: null }).execute();
      const scored = await scoreEmailCase(spec, {
        read: (file) => new Uint8Array(readFileSync(join(root, name, file))),
        ingest: async (file, raw) => (await t.services.email.ingestFiles(admin, { mailbox: spec.mailbox, files: [{ name: file, raw }] }))[0]!,
      });
      expect(scored.filter((s) => !s.ok), name).toEqual([]);
      passed += scored.filter((s) => s.ok).length;
      total += scored.length;
    }
    expect(`${passed}/${total}`).toBe('37/37');
  }, 120_000);

  it('opens an email ticket with a password-less customer, queues one acknowledgement, dedupes a re-delivery', async () => {
    const raw = basic(['Message-ID: <one@customer.test>']);
    const first = await t.services.email.ingest({ mailbox: 'support@example.com', raw });
    expect(first).toMatchObject({ decision: 'new_ticket', autoReply: true });
    const ticket = await t.db.selectFrom('tickets').selectAll().where('number', '=', first.ticketNumber!).executeTakeFirstOrThrow();
    expect(ticket.source).toBe('email');
    const customer = await t.db.selectFrom('users').selectAll().where('email', '=', 'pat@customer.test').executeTakeFirstOrThrow();
    expect(customer).toMatchObject({ role: 'customer', password_hash: null, name: 'Pat Doe' });
    const again = await t.services.email.ingest({ mailbox: 'support@example.com', raw });
    expect(again).toMatchObject({ decision: 'duplicate', autoReply: false, ticketNumber: null });
    expect(await t.db.selectFrom('messages').select('id').execute()).toHaveLength(1);
    const outbox = await t.db.selectFrom('email_outbox').selectAll().execute();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ kind: 'ack', automatic: true, to_address: 'pat@customer.test' });
    expect(outbox[0]!.subject).toBe(`Re: [#${first.ticketNumber}] Printer jams`);
    expect(outbox[0]!.headers).toMatchObject({ 'Auto-Submitted': 'auto-replied', 'In-Reply-To': '<one@customer.test>' });
  });

  it('gives a message without Message-ID a deterministic id, so the same bytes via another route dedupe', async () => {
    const a = await t.services.email.ingest({ mailbox: 'support@example.com', raw: basic(['Received: from a.test']) });
    const b = await t.services.email.ingest({ mailbox: 'support@example.com', raw: basic(['Received: from b.test']) });
    expect(a.decision).toBe('new_ticket');
    expect(a.messageId).toMatch(/^nexus-generated\.[0-9a-f]{40}@customer\.test$/);
    expect(b).toMatchObject({ decision: 'duplicate', messageId: a.messageId });
  });

  describe('acceptance 6: bad input is stored as far as it can be, or quarantined with a reason', () => {
    it('no From: quarantined with the reason, raw kept', async () => {
      const result = await t.services.email.ingest({ mailbox: 'support@example.com', raw: eml(['To: support@example.com', 'Subject: ?', 'Message-ID: <nofrom@x.test>'], 'text') });
      expect(result).toMatchObject({ decision: 'quarantined', ticketNumber: null });
      const row = await t.db.selectFrom('email_messages').selectAll().where('message_id', '=', 'nofrom@x.test').executeTakeFirstOrThrow();
      expect(row.reason).toMatch(/^no_from/);
      expect(row.raw?.byteLength).toBeGreaterThan(0);
    });

    it('broken MIME (no closing boundary, garbage parts) still becomes a ticket with readable text', async () => {
      const raw = basic(['Message-ID: <broken@x.test>', 'Content-Type: multipart/mixed; boundary="zz"'], '--zz\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: base64\r\n\r\n!!!not base64!!!\r\n--zz\r\nContent-Type: application/octet-stream\r\n\r\n\x00\x01\x02');
      const result = await t.services.email.ingest({ mailbox: 'support@example.com', raw });
      expect(result.decision).toBe('new_ticket');
      expect(await t.db.selectFrom('messages').select('body').executeTakeFirstOrThrow()).toMatchObject({ body: expect.any(String) });
    });

    it('NUL bytes and a wrong charset label are cleaned, not a crash', async () => {
      const raw = basic(['Message-ID: <nul@x.test>', 'Content-Type: text/plain; charset=x-made-up-charset'], 'Caf\xe9 \x00 ol\x00\x00 day');
      const result = await t.services.email.ingest({ mailbox: 'support@example.com', raw });
      expect(result.decision).toBe('new_ticket');
      const message = await t.db.selectFrom('messages').select('body').executeTakeFirstOrThrow();
      expect(message.body).not.toContain('\u0000');
      expect(message.body).toContain('day');
    });

    it('a 30 MB message is quarantined as too large with its headers, and the next message still goes in', async () => {
      const big = basic(['Message-ID: <big@x.test>'], 'A'.repeat(30 * 1024 * 1024));
      const result = await t.services.email.ingest({ mailbox: 'support@example.com', raw: big });
      expect(result).toMatchObject({ decision: 'quarantined' });
      expect(result.reason).toMatch(/^too_large: 3\d{7} bytes/);
      const status = await t.services.email.status(await t.user('admin'));
      expect(status.quarantined[0]).toMatchObject({ messageId: 'big@x.test', reason: result.reason, sizeBytes: big.byteLength });
      const row = await t.db.selectFrom('email_messages').select(['subject', 'from_address', 'size_bytes']).where('message_id', '=', 'big@x.test').executeTakeFirstOrThrow();
      expect(row).toMatchObject({ subject: 'Printer jams', from_address: 'pat@customer.test' });
      expect((await t.services.email.ingest({ mailbox: 'support@example.com', raw: basic(['Message-ID: <next@x.test>']) })).decision).toBe('new_ticket');
    });

    it('mail from staff is quarantined, never a customer ticket on their name', async () => {
      const agent = await t.user('agent', 'agent@example.com');
      const result = await t.services.email.ingest({ mailbox: 'support@example.com', raw: eml([`From: ${agent.email}`, 'To: support@example.com', 'Subject: hi', 'Message-ID: <staff@x.test>'], 'hi') });
      expect(result).toMatchObject({ decision: 'quarantined' });
      expect(result.reason).toMatch(/^sender_is_staff/);
    });
  });
});

describe('attachments', () => {
  const withBlobs = useTestDatabase();
  it.skipIf(!hasEmailDev)('keeps the PDF and images of the fixture mails on the ticket messages', async () => {
    const { MemoryBlobStore } = await import('../../storage/memory-blob-store.fake.js');
    const { createServices } = await import('../../services.js');
    const services = createServices({ ...withBlobs.deps, blobs: new MemoryBlobStore() });
    const dir = fixturePath('email-dev/attachments-pdf-and-image');
    const first = await services.email.ingest({ mailbox: 'support@example.com', raw: new Uint8Array(readFileSync(join(dir, '01.eml'))) });
    const second = await services.email.ingest({ mailbox: 'support@example.com', raw: new Uint8Array(readFileSync(join(dir, '02.eml'))) });
    expect(second).toMatchObject({ decision: 'same_ticket', ticketNumber: first.ticketNumber });
    const stored = await withBlobs.db.selectFrom('attachments').select(['filename', 'content_type', 'message_id']).orderBy('created_at').execute();
    expect(stored.map((a) => [a.filename, a.content_type])).toEqual([
      ['INV-2026-004981.pdf', 'application/pdf'],
      ['parcel_corner.png', 'image/png'],
      ['order-page.png', 'image/png'],
    ]);
    expect(stored.every((a) => a.message_id !== null)).toBe(true);
    const raw = await withBlobs.db.selectFrom('email_messages').select('raw_key').where('direction', '=', 'inbound').execute();
    expect(raw.every((r) => r.raw_key?.startsWith('email/'))).toBe(true);
  });
});
