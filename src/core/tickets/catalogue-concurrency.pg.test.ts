import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { createServices } from '../services.js';
import { MemoryBlobStore } from '../storage/memory-blob-store.fake.js';
import { eventsOf, SAMPLES, seedTicket } from '../../../test/support/catalogue-fixtures.js';

// Postgres only: PGlite runs one connection at a time, so nothing there truly races.
const t = useTestDatabase();

describe('catalogues, tags, trash and attachments under concurrency (Postgres)', () => {
  it('ten admins creating the same tag at once: one succeeds, the rest get ALREADY_EXISTS', async () => {
    const admin = await t.user('admin');
    const results = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => t.services.tags.create(admin, { name: i % 2 ? 'VIP' : 'vip' })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
    expect(codes).toEqual(Array(9).fill('ALREADY_EXISTS'));
  });

  it('agents adding the same tags to one ticket at once: the tags are there once, with one event', async () => {
    const admin = await t.user('admin');
    const customer = await t.user('customer');
    await t.services.tags.create(admin, { name: 'billing' });
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    const agents = await Promise.all(Array.from({ length: 6 }, () => t.user('agent')));
    await Promise.all(agents.map((agent) => t.services.tickets.addTags(agent, { ticket: ticket.number, tags: ['billing'] })));
    expect(await t.db.selectFrom('ticket_tags').select('ticket_id').execute()).toHaveLength(1);
    expect((await eventsOf(t.db, ticket.id)).filter((e) => e.type === 'ticket.tags_added')).toHaveLength(1);
  });

  it('a delete and a restore racing, and two purges racing, leave a consistent trash', async () => {
    const admin = await t.user('admin');
    const customer = await t.user('customer');
    const blobs = new MemoryBlobStore();
    const services = createServices({ ...t.deps, blobs });
    for (let round = 0; round < 5; round++) {
      const ticket = await seedTicket(t.db, { customerId: customer.id });
      await services.tickets.uploadAttachment(customer, { ticket: ticket.number, filename: 'a.png', bytes: SAMPLES.png });
      await t.db.updateTable('tickets').set({ status: 'closed', resolved_at: new Date() }).where('id', '=', ticket.id).execute();
      await Promise.allSettled([services.tickets.delete(admin, { tickets: [ticket.number] }), services.tickets.delete(admin, { tickets: [ticket.number] })]);
      const types = (await eventsOf(t.db, ticket.id)).map((e) => e.type);
      expect(types.filter((x) => x === 'ticket.deleted')).toHaveLength(1);
      const purges = await Promise.allSettled([services.tickets.purge(admin, { tickets: [ticket.number] }), services.tickets.purge(admin, { tickets: [ticket.number] })]);
      const done = purges.filter((p) => p.status === 'fulfilled');
      expect(done).toHaveLength(1);
      expect(purges.find((p) => p.status === 'rejected')?.reason).toMatchObject({ code: 'NOT_FOUND' });
      expect(await t.db.selectFrom('tickets').select('id').where('id', '=', ticket.id).execute()).toEqual([]);
    }
    expect(blobs.blobs.size).toBe(0);
  });
});
