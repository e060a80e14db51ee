import { sql, type Kysely } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDb, useTestDatabase, type OpenedTestDb } from '../../../test/support/db.js';
import type { DB } from '../db/schema.js';
import { createServices } from '../services.js';
import { MemoryBlobStore } from '../storage/memory-blob-store.fake.js';
import { SAMPLES } from '../../../test/support/catalogue-fixtures.js';
import { dumpDesk, loadDesk, type DumpRecord } from './desk-dump.js';

// Issue 9, items 17–18: a desk dumped and loaded into an empty database comes back whole — every row
// of every table, the sequences (next ticket number) and the attachments' bytes.
const t = useTestDatabase();
const opened: OpenedTestDb[] = [];
afterAll(async () => {
  for (const o of opened) await o.close();
});

async function snapshot(db: Kysely<DB>): Promise<Record<string, unknown[]>> {
  const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(db)).rows.map((r) => r.name);
  const out: Record<string, unknown[]> = {};
  // Parsed, so a numeric's scale (0.000000 beside 0) is not a difference: JSON numbers carry none.
  for (const table of tables) out[table] = (await sql<{ j: string }>`select row_to_json(t)::text as j from ${sql.raw(`"${table}"`)} t order by 1`.execute(db)).rows.map((r) => JSON.parse(r.j) as unknown);
  return out;
}

async function* replay(records: DumpRecord[]): AsyncIterable<DumpRecord> {
  for (const r of records) yield JSON.parse(JSON.stringify(r)) as DumpRecord;
}

describe('desk dump and load', () => {
  it('Given a desk with tickets, replies, tags and an attachment, when dumped and loaded into an empty database, then every table, the ticket numbering and the bytes are the same', async () => {
    const blobs = new MemoryBlobStore();
    const services = createServices({ ...t.deps, blobs });
    const customer = await t.user('customer', 'cy@example.com');
    const agent = await t.user('agent', 'ana@example.com');
    const first = await services.tickets.create(customer, { subject: 'Printer on fire', message: 'It is on fire' });
    await services.tickets.reply(agent, { ticket: first.ticket.number, body: 'Water, not foam.' });
    await services.tickets.create(customer, { subject: 'Second', message: 'Another one' });
    const attachment = await services.tickets.uploadAttachment(customer, { ticket: first.ticket.number, filename: 'photo.png', bytes: SAMPLES.png });

    const records: DumpRecord[] = [];
    const dumped = await dumpDesk(t.db, blobs, (r) => void records.push(r));
    expect(dumped.blobs).toBe(1);
    expect(records[0]).toMatchObject({ type: 'header', format: 'nexus-desk-dump', version: 1 });
    expect(records.at(-1)).toMatchObject({ type: 'end' });

    const target = await openTestDb();
    opened.push(target);
    const targetBlobs = new MemoryBlobStore();
    const loaded = await loadDesk(target.db, targetBlobs, replay(records));
    expect(loaded).toEqual(dumped);
    expect(await snapshot(target.db)).toEqual(await snapshot(t.db));

    const restored = createServices({ ...t.deps, db: target.db, blobs: targetBlobs });
    const download = await restored.tickets.downloadAttachment(customer, { ticket: first.ticket.number, attachmentId: attachment.id });
    expect(Buffer.from(download.bytes)).toEqual(Buffer.from(SAMPLES.png));
    const next = await restored.tickets.create(customer, { subject: 'After restore', message: 'numbering goes on' });
    expect(next.ticket.number).toBeGreaterThan(first.ticket.number + 1);
  });

  it('Given a target that already has users, then the load is refused and nothing is written', async () => {
    await t.user('admin');
    const records: DumpRecord[] = [];
    await dumpDesk(t.db, undefined, (r) => void records.push(r));
    await expect(loadDesk(t.db, undefined, replay(records))).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});
