import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { createServices } from '../services.js';
import { MemoryBlobStore } from '../storage/memory-blob-store.fake.js';
import { eventsOf, failureOf, seedMessage, seedTicket } from '../../../test/support/catalogue-fixtures.js';
import { purgeExpiredTickets } from './purge-tickets.js';
import { expectTicketNotFound } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();
const DAY = 86_400_000;

describe('deleting tickets to the trash', () => {
  it('given closed tickets, deletes them in bulk; they leave normal views and show in the trash with days left', async () => {
    const agent = await t.user('agent', 'ana@example.com');
    const customer = await t.user('customer');
    const a = await seedTicket(t.db, { customerId: customer.id, status: 'closed' });
    const b = await seedTicket(t.db, { customerId: customer.id, status: 'closed', subject: 'Second' });
    await expect(t.services.tickets.delete(agent, { tickets: [b.number, `#${a.number}`, a.number] })).resolves.toEqual({ deleted: [a.number, b.number], purgeAfterDays: 30 });
    expect((await failureOf(t.services.tickets.logTime(agent, { ticket: a.number, minutes: 5 }))).code).toBe('NOT_FOUND');
    t.clock.advance(10 * DAY + 1000);
    const trash = (await t.services.tickets.listTrash(agent)).items;
    expect(trash.map((x) => [x.number, x.daysLeft, x.deletedBy?.email])).toEqual([
      [a.number, 20, 'ana@example.com'],
      [b.number, 20, 'ana@example.com'],
    ]);
    expect(trash[0]).toMatchObject({ deletedAt: '2026-11-25T09:00:00.000Z', purgeAt: '2026-12-25T09:00:00.000Z' });
    expect(await eventsOf(t.db, a.id)).toEqual([{ type: 'ticket.deleted', data: {} }]);
  });

  it('is all or nothing: one open or missing ticket means nothing is deleted and every problem is listed', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const closed = await seedTicket(t.db, { customerId: customer.id, status: 'closed' });
    const open = await seedTicket(t.db, { customerId: customer.id, status: 'open' });
    const conflict = await failureOf(t.services.tickets.delete(agent, { tickets: [closed.number, open.number] }));
    expect(conflict).toMatchObject({ code: 'CONFLICT', message: `Nothing was deleted: #${open.number} is open; only closed tickets can be deleted` });
    const missing = await failureOf(t.services.tickets.delete(agent, { tickets: [closed.number, open.number, 99999] }));
    expect(missing.code).toBe('NOT_FOUND');
    expect(missing.details).toEqual([
      { path: `#${open.number}`, message: 'is open; only closed tickets can be deleted' },
      { path: '#99999', message: 'not found' },
    ]);
    const rows = await t.db.selectFrom('tickets').select('deleted_at').execute();
    expect(rows.every((r) => r.deleted_at === null)).toBe(true);
  });

  it('customers cannot delete (NOT_FOUND, exactly like a missing number) or see the trash (FORBIDDEN)', async () => {
    const customer = await t.user('customer');
    const closed = await seedTicket(t.db, { customerId: customer.id, status: 'closed' });
    await expectTicketNotFound(t.services.tickets.delete(customer, { tickets: [closed.number] }), closed.number);
    // Several numbers: the answer names the lowest, whether it exists or not.
    await expectTicketNotFound(t.services.tickets.delete(customer, { tickets: [closed.number + 500, closed.number] }), closed.number);
    expect(await eventsOf(t.db, closed.id)).not.toContainEqual(expect.objectContaining({ type: 'ticket.deleted' }));
    expect((await failureOf(t.services.tickets.listTrash(customer))).code).toBe('FORBIDDEN');
  });
});

describe('restoring from the trash', () => {
  it('brings a deleted ticket back, closed, with an event; a ticket not in the trash is a conflict', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id, status: 'closed' });
    await t.services.tickets.delete(agent, { tickets: [ticket.number] });
    const restored = await t.services.tickets.restore(agent, { ticket: ticket.number });
    expect(restored).toMatchObject({ number: ticket.number, status: 'closed', deletedAt: null });
    expect(await t.services.tickets.listTrash(agent)).toEqual({ items: [], nextCursor: null });
    expect((await eventsOf(t.db, ticket.id)).map((e) => e.type)).toEqual(['ticket.deleted', 'ticket.restored']);
    expect((await failureOf(t.services.tickets.restore(agent, { ticket: ticket.number }))).code).toBe('CONFLICT');
    expect((await failureOf(t.services.tickets.restore(agent, { ticket: 5555 }))).code).toBe('NOT_FOUND');
  });

  it('a customer cannot restore, and sees a trashed ticket of theirs as missing', async () => {
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id, status: 'closed', deletedAt: new Date('2026-11-20T00:00:00Z') });
    await expectTicketNotFound(t.services.tickets.restore(customer, { ticket: ticket.number }), ticket.number);
    expect((await failureOf(t.services.tickets.listAttachments(customer, { ticket: ticket.number }))).code).toBe('NOT_FOUND');
  });
});

describe('purging', () => {
  it('removes named trashed tickets with every related row and their blobs', async () => {
    const blobs = new MemoryBlobStore();
    const services = createServices({ ...t.deps, blobs });
    const admin = await t.user('admin');
    const customer = await t.user('customer');
    await services.tags.create(admin, { name: 'VIP' });
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    const ai = await seedMessage(t.db, ticket.id, 'ai');
    await services.tickets.addTags(admin, { ticket: ticket.number, tags: ['VIP'] });
    await services.tickets.logTime(admin, { ticket: ticket.number, minutes: 5 });
    await services.tickets.rateMessage(customer, { ticket: ticket.number, messageId: ai, rating: 4 });
    await services.tickets.uploadAttachment(customer, { ticket: ticket.number, filename: 'a.txt', bytes: new TextEncoder().encode('hello') });
    await t.db.updateTable('tickets').set({ status: 'closed', resolved_at: new Date() }).where('id', '=', ticket.id).execute();
    const keep = await seedTicket(t.db, { customerId: customer.id, status: 'closed' });
    await services.tickets.delete(admin, { tickets: [ticket.number, keep.number] });
    expect(blobs.blobs.size).toBe(1);

    const result = await services.tickets.purge(admin, { tickets: [ticket.number] });
    expect(result).toEqual({ purged: [ticket.number], count: 1, attachmentsRemoved: 1, blobsFailed: [] });
    expect(blobs.blobs.size).toBe(0);
    // Every table that points at a ticket — today's and any added later — holds nothing of it.
    const { rows: tables } = await sql<{ table_name: string }>`
      select table_name from information_schema.columns where table_schema = 'public' and column_name = 'ticket_id'`.execute(t.db);
    expect(tables.map((r) => r.table_name)).toEqual(expect.arrayContaining(['messages', 'ticket_events', 'ticket_tags', 'time_entries', 'message_ratings', 'attachments']));
    for (const { table_name } of tables) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table_name)} where ticket_id = ${ticket.id}`.execute(t.db);
      expect(rows[0]?.n, table_name).toBe(0);
    }
    expect((await services.tickets.listTrash(admin)).items.map((x) => x.number)).toEqual([keep.number]);
    expect(await t.db.selectFrom('tags').select('name').execute()).toEqual([{ name: 'VIP' }]);
  });

  it('named purge is all or nothing: tickets not in the trash are refused', async () => {
    const admin = await t.user('admin');
    const customer = await t.user('customer');
    const trashed = await seedTicket(t.db, { customerId: customer.id, status: 'closed', deletedAt: new Date() });
    const live = await seedTicket(t.db, { customerId: customer.id, status: 'closed' });
    const failure = await failureOf(t.services.tickets.purge(admin, { tickets: [trashed.number, live.number] }));
    expect(failure).toMatchObject({ code: 'CONFLICT', message: `Nothing was purged: #${live.number} is not in the trash; delete it first` });
    expect((await failureOf(t.services.tickets.purge(admin, { tickets: [trashed.number, 77777] }))).code).toBe('NOT_FOUND');
    expect(await t.db.selectFrom('tickets').select('number').orderBy('number').execute()).toHaveLength(2);
  });

  it('--expired purges only what has been in the trash for 30 days or more', async () => {
    const admin = await t.user('admin');
    const customer = await t.user('customer');
    const now = t.clock.now().getTime();
    const old = await seedTicket(t.db, { customerId: customer.id, status: 'closed', deletedAt: new Date(now - 31 * DAY) });
    const due = await seedTicket(t.db, { customerId: customer.id, status: 'closed', deletedAt: new Date(now - 30 * DAY) });
    const recent = await seedTicket(t.db, { customerId: customer.id, status: 'closed', deletedAt: new Date(now - 29 * DAY) });
    const live = await seedTicket(t.db, { customerId: customer.id, status: 'closed' });
    expect((await t.services.tickets.listTrash(admin)).items.map((x) => x.daysLeft)).toEqual([0, 0, 1]);
    await expect(t.services.tickets.purge(admin, { expired: true })).resolves.toEqual({ purged: [old.number, due.number], count: 2, attachmentsRemoved: 0, blobsFailed: [] });
    expect((await t.db.selectFrom('tickets').select('number').orderBy('number').execute()).map((r) => r.number)).toEqual([recent.number, live.number]);
    await expect(t.services.tickets.purge(admin, { expired: true })).resolves.toMatchObject({ count: 0 });
  });

  it('the background job purges expired tickets with no actor, by the same rules', async () => {
    const customer = await t.user('customer');
    const now = t.clock.now().getTime();
    const old = await seedTicket(t.db, { customerId: customer.id, status: 'closed', deletedAt: new Date(now - 40 * DAY) });
    await seedTicket(t.db, { customerId: customer.id, status: 'closed', deletedAt: new Date(now - DAY) });
    await expect(purgeExpiredTickets(t.deps)).resolves.toEqual({ purged: [old.number], count: 1, attachmentsRemoved: 0, blobsFailed: [] });
  });

  it('only admins purge; input must name tickets or ask for expired ones', async () => {
    const admin = await t.user('admin');
    const agent = await t.user('agent');
    expect((await failureOf(t.services.tickets.purge(agent, { expired: true }))).code).toBe('FORBIDDEN');
    expect((await failureOf(t.services.tickets.purge(admin, { tickets: [] }))).code).toBe('VALIDATION_FAILED');
  });
});
