import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import type { Actor } from '../access/permissions.js';
import { expectCode } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

async function desk() {
  const [ana, bo, agent, other] = [await t.user('customer', 'ana@example.com'), await t.user('customer', 'bo@example.com'), await t.user('agent', 'agent@example.com'), await t.user('agent')];
  const open = async (who: Actor, subject: string, message: string, fields: { priority?: 'low' | 'medium' | 'high' | 'urgent'; context?: string } = {}) => {
    const { ticket } = await t.services.tickets.create(who, { subject, message, ...fields });
    t.clock.advance(60_000);
    return ticket.number;
  };
  const n1 = await open(ana, 'Printer jams', 'The printer jams on page two', { priority: 'low', context: 'hardware' });
  const n2 = await open(ana, 'Invoice wrong', 'My invoice shows the wrong amount', { priority: 'urgent', context: 'billing' });
  const n3 = await open(bo, 'Cannot log in', 'Password reset mail never arrives', { priority: 'high' });
  const n4 = await open(bo, 'Refund please', 'I want a refund for the printer', { priority: 'medium', context: 'billing' });
  await t.services.tickets.assign(agent, { ticket: n2, agent: '@me' });
  await t.services.tickets.assign(agent, { ticket: n3, agent: other.email });
  await t.services.tickets.note(agent, { ticket: n3, body: 'suspect the zebra mail relay' });
  await t.services.tickets.close(agent, { ticket: n4 });
  return { ana, bo, agent, other, n1, n2, n3, n4 };
}

const numbers = (page: { items: { number: number }[] }) => page.items.map((x) => x.number);

describe('list tickets', () => {
  it('staff see every ticket, newest first by default; customers only their own', async () => {
    const { ana, agent, n1, n2, n3, n4 } = await desk();
    expect(numbers(await t.services.tickets.list(agent))).toEqual([n4, n3, n2, n1]);
    expect(numbers(await t.services.tickets.list(ana))).toEqual([n2, n1]);
    expect(numbers(await t.services.tickets.list(ana, { customer: 'bo@example.com' }))).toEqual([]);
  });

  it('filters by status, priority (lists or comma strings), assignee, customer, context and created range', async () => {
    const { agent, other, n1, n2, n3, n4 } = await desk();
    const list = (input: Parameters<typeof t.services.tickets.list>[1]) => t.services.tickets.list(agent, input).then(numbers);
    expect(await list({ status: ['open', 'closed'] })).toEqual([n4, n1]);
    expect(await list({ status: 'assigned', priority: 'urgent,low' })).toEqual([n2]);
    expect(await list({ assignee: '@me' })).toEqual([n2]);
    expect(await list({ assignee: 'none' })).toEqual([n4, n1]);
    expect(await list({ assignee: other.email.toUpperCase() })).toEqual([n3]);
    expect(await list({ assignee: 'nobody@example.com' })).toEqual([]);
    expect(await list({ customer: 'BO@example.com' })).toEqual([n4, n3]);
    expect(await list({ context: 'billing' })).toEqual([n4, n2]);
    expect(await list({ from: '2026-11-25T09:01:00Z', to: '2026-11-25T09:03:00Z' })).toEqual([n3, n2]);
    expect(await list({ to: '2026-11-25' })).toEqual([n4, n3, n2, n1]);
    expect(await list({ to: '2026-11-24' })).toEqual([]);
  });

  it('sorts by created, -updated, priority and number', async () => {
    const { agent, n1, n2, n3, n4 } = await desk();
    const list = (sort: 'created' | '-updated' | 'priority' | 'number') => t.services.tickets.list(agent, { sort }).then(numbers);
    expect(await list('created')).toEqual([n1, n2, n3, n4]);
    expect(await list('number')).toEqual([n1, n2, n3, n4]);
    expect(await list('priority')).toEqual([n2, n3, n4, n1]);
    t.clock.advance(60_000);
    await t.services.tickets.reply(agent, { ticket: n1, body: 'bump' });
    expect((await list('-updated'))[0]).toBe(n1);
  });

  it('searches subject and messages, ranked; customers never match internal notes', async () => {
    const { ana, bo, agent, n1, n3, n4 } = await desk();
    expect(numbers(await t.services.tickets.list(agent, { q: 'printer' }))).toEqual(expect.arrayContaining([n1, n4]));
    expect((await t.services.tickets.list(agent, { q: 'printer' })).items[0]!.number).toBe(n1); // subject and body both match
    expect(numbers(await t.services.tickets.list(agent, { q: 'zebra' }))).toEqual([n3]);
    expect(numbers(await t.services.tickets.list(bo, { q: 'zebra' }))).toEqual([]);
    expect(numbers(await t.services.tickets.list(bo, { q: 'zebra', sort: 'number' }))).toEqual([]);
    expect(numbers(await t.services.tickets.list(bo, { q: 'printer', sort: '-created' }))).toEqual([n4]);
    expect(numbers(await t.services.tickets.list(ana, { q: 'printer' }))).toEqual([n1]);
    expect(numbers(await t.services.tickets.list(agent, { q: '"wrong amount" -printer' }))).toHaveLength(1);
    expect(numbers(await t.services.tickets.list(agent, { q: 'printer', status: 'closed' }))).toEqual([n4]);
    expect(numbers(await t.services.tickets.list(agent, { q: 'printer', sort: 'number' }))).toEqual([n1, n4]);
  });

  it('pages with an opaque cursor until nextCursor is null, for every sort', async () => {
    const { agent, n1, n2, n4 } = await desk();
    for (const sort of ['-created', 'created', '-updated', 'priority', 'number'] as const) {
      const all = numbers(await t.services.tickets.list(agent, { sort, limit: 100 }));
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.services.tickets.list(agent, { sort, limit: 1, cursor });
        seen.push(...numbers(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen, sort).toEqual(all);
    }
    const first = await t.services.tickets.list(agent, { q: 'printer', limit: 1 });
    const second = await t.services.tickets.list(agent, { q: 'printer', limit: 1, cursor: first.nextCursor! });
    expect(second.nextCursor).toBeNull();
    expect(new Set([...numbers(first), ...numbers(second)]).size).toBe(2);
    // A search in creation order pages through its matching documents the same way.
    for (const [sort, expected] of [['-created', [n4, n2, n1]], ['created', [n1, n2, n4]]] as const) {
      const seen: number[] = [];
      let cursor: string | undefined;
      do {
        const page = await t.services.tickets.list(agent, { q: 'printer or invoice', sort, limit: 1, cursor });
        seen.push(...numbers(page));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      expect(seen, sort).toEqual(expected);
    }
  });

  it('pages tickets created in the same microsecond-precise instant without skipping any', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    for (let i = 0; i < 5; i++) await t.services.tickets.create(customer, { subject: `same time ${i}`, message: 'm' });
    await sql`update tickets set created_at = '2026-11-25 09:00:00.123456+00'`.execute(t.db);
    const seen: number[] = [];
    let cursor: string | undefined;
    do {
      const page = await t.services.tickets.list(agent, { limit: 2, cursor });
      seen.push(...numbers(page));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([1005, 1004, 1003, 1002, 1001]);
  });

  it('filters by tag and category for staff; customers may not use them', async () => {
    const { ana, agent, n1, n2 } = await desk();
    await sql`insert into tags (name) values ('VIP')`.execute(t.db);
    await sql`insert into ticket_tags (ticket_id, tag_id) select t.id, g.id from tickets t, tags g where t.number = ${n1}`.execute(t.db);
    await sql`insert into categories (name) values ('Billing')`.execute(t.db);
    await sql`update tickets set category_id = (select id from categories) where number = ${n2}`.execute(t.db);
    expect(numbers(await t.services.tickets.list(agent, { tag: 'vip' }))).toEqual([n1]);
    expect(numbers(await t.services.tickets.list(agent, { category: 'billing' }))).toEqual([n2]);
    expect(numbers(await t.services.tickets.list(agent, { tag: 'unknown' }))).toEqual([]);
    await expectCode(t.services.tickets.list(ana, { tag: 'vip' }), 'FORBIDDEN');
    await expectCode(t.services.tickets.list(ana, { category: 'billing' }), 'FORBIDDEN');
  });

  it('leaves out trashed tickets', async () => {
    const { agent, n1, n2, n3, n4 } = await desk();
    await t.db.updateTable('tickets').set({ deleted_at: new Date() }).where('number', '=', n1).execute();
    // The other three are still listed: an empty list would also leave n1 out.
    expect(numbers(await t.services.tickets.list(agent))).toEqual([n4, n3, n2]);
    // Searches too, with and without a filter (without one, they pick among the search documents alone).
    for (const sort of ['relevance', '-created', 'created'] as const) {
      expect(numbers(await t.services.tickets.list(agent, { q: 'printer', sort })), sort).toEqual([n4]);
      expect(numbers(await t.services.tickets.list(agent, { q: 'printer', sort, status: 'closed' })), sort).toEqual([n4]);
    }
  });

  it.each([
    [{ status: 'done' }, 'status'],
    [{ priority: ['urgent', 'meh'] }, 'priority'],
    [{ limit: 0 }, 'limit'],
    [{ limit: 101 }, 'limit'],
    [{ sort: 'oldest' }, 'sort'],
    [{ sort: 'relevance' }, 'sort'],
    [{ from: 'yesterday' }, 'from'],
    [{ cursor: 'garbage!' }, 'cursor'],
  ])('refuses %j naming the field', async (input, field) => {
    const agent = await t.user('agent');
    const error = await expectCode(t.services.tickets.list(agent, input as never), 'VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path.split('.')[0])).toContain(field);
  });

  it('lists each ticket as the same document the ticket view gives (customer, assignee, SLA), searching or not, for staff and customers', async () => {
    const { ana, agent, n2, n3 } = await desk();
    for (const [who, input, number] of [[agent, {}, n3], [agent, { q: 'invoice' }, n2], [ana, {}, n2], [ana, { q: 'invoice', sort: '-created' }, n2]] as const) {
      // The view first: it stores the ticket's SLA evaluation, which a list reads.
      const viewed = await t.services.tickets.get(who, { ticket: number });
      const { items } = await t.services.tickets.list(who, input);
      const { snippet: _snippet, ...listed } = items.find((x) => x.number === number)!;
      expect(listed).toEqual(viewed);
      expect(JSON.stringify(listed)).toBe(JSON.stringify(viewed)); // the same keys in the same order (the CLI prints it)
    }
  });

    it('refuses a cursor from another sort', async () => {
    const { agent } = await desk();
    const page = await t.services.tickets.list(agent, { limit: 1 });
    const error = await expectCode(t.services.tickets.list(agent, { sort: 'number', cursor: page.nextCursor! }), 'VALIDATION_FAILED');
    expect(error.message).toContain('sort');
  });
});
