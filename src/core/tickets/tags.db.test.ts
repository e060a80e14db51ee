import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { eventsOf, failureOf, seedTicket } from '../../../test/support/catalogue-fixtures.js';
import { expectTicketNotFound } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('tag catalogue', () => {
  it('given an admin, when creating, renaming, recolouring and deleting a tag, then the list follows', async () => {
    const admin = await t.user('admin');
    const agent = await t.user('agent');
    const created = await t.services.tags.create(admin, { name: ' Billing ', color: '1F6FEB' });
    expect(created).toMatchObject({ name: 'Billing', color: '#1f6feb', ticketCount: 0 });
    await t.services.tags.create(admin, { name: 'bug' });
    expect((await t.services.tags.list(agent)).items.map((tag) => tag.name)).toEqual(['Billing', 'bug']);
    const renamed = await t.services.tags.update(admin, { name: 'billing', newName: 'Invoices', color: null });
    expect(renamed).toMatchObject({ id: created.id, name: 'Invoices', color: null });
    await expect(t.services.tags.delete(admin, { name: 'INVOICES' })).resolves.toMatchObject({ name: 'Invoices', deleted: true, ticketsUntagged: 0 });
    expect((await t.services.tags.list(admin)).items.map((tag) => tag.name)).toEqual(['bug']);
  });

  it('refuses a duplicate name regardless of case, on create and on rename', async () => {
    const admin = await t.user('admin');
    await t.services.tags.create(admin, { name: 'VIP' });
    await t.services.tags.create(admin, { name: 'bug' });
    expect((await failureOf(t.services.tags.create(admin, { name: 'vip' }))).code).toBe('ALREADY_EXISTS');
    expect((await failureOf(t.services.tags.update(admin, { name: 'bug', newName: 'Vip' }))).code).toBe('ALREADY_EXISTS');
    // Changing only the case of its own name is fine.
    await expect(t.services.tags.update(admin, { name: 'bug', newName: 'Bug' })).resolves.toMatchObject({ name: 'Bug' });
  });

  it.each([
    [{ name: '' }, 'name'],
    [{ name: 'x'.repeat(51) }, 'name'],
    [{ name: 'a,b' }, 'name'],
    [{ name: 'ok', color: 'red' }, 'color'],
  ])('refuses invalid input %j and names the field', async (input, field) => {
    const admin = await t.user('admin');
    const failure = await failureOf(t.services.tags.create(admin, input));
    expect(failure.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(failure.details)).toContain(`"path":"${field}"`);
  });

  it('lets staff view but only admins manage; customers see nothing', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    expect((await failureOf(t.services.tags.create(agent, { name: 'x' }))).code).toBe('FORBIDDEN');
    expect((await failureOf(t.services.tags.list(customer))).code).toBe('FORBIDDEN');
    await expect(t.services.tags.list(agent)).resolves.toEqual({ items: [], nextCursor: null });
  });

  it('unknown tags are NOT_FOUND on rename and delete', async () => {
    const admin = await t.user('admin');
    expect((await failureOf(t.services.tags.update(admin, { name: 'ghost', newName: 'x' }))).code).toBe('NOT_FOUND');
    expect((await failureOf(t.services.tags.delete(admin, { name: 'ghost' }))).code).toBe('NOT_FOUND');
  });
});

describe('tags on tickets', () => {
  async function setup() {
    const admin = await t.user('admin');
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    await t.services.tags.create(admin, { name: 'billing' });
    await t.services.tags.create(admin, { name: 'VIP' });
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    return { admin, agent, customer, ticket };
  }

  it('adds catalogue tags idempotently and records one event per real change', async () => {
    const { agent, ticket } = await setup();
    const first = await t.services.tickets.addTags(agent, { ticket: ticket.number, tags: ['vip', 'Billing', 'billing'] });
    expect(first).toEqual({ ticketNumber: ticket.number, tags: ['billing', 'VIP'], changed: ['VIP', 'billing'] });
    const again = await t.services.tickets.addTags(agent, { ticket: `#${ticket.number}`, tags: ['VIP'] });
    expect(again).toEqual({ ticketNumber: ticket.number, tags: ['billing', 'VIP'], changed: [] });
    const removed = await t.services.tickets.removeTags(agent, { ticket: ticket.number, tags: ['billing'] });
    expect(removed).toEqual({ ticketNumber: ticket.number, tags: ['VIP'], changed: ['billing'] });
    expect(await eventsOf(t.db, ticket.id)).toEqual([
      { type: 'ticket.tags_added', data: { tags: ['VIP', 'billing'] } },
      { type: 'ticket.tags_removed', data: { tags: ['billing'] } },
    ]);
    expect((await t.services.tags.list(agent)).items.find((tag) => tag.name === 'VIP')?.ticketCount).toBe(1);
  });

  it('a tag not in the catalogue is NOT_FOUND with a hint, and nothing is added', async () => {
    const { agent, ticket } = await setup();
    const failure = await failureOf(t.services.tickets.addTags(agent, { ticket: ticket.number, tags: ['VIP', 'nope'] }));
    expect(failure).toMatchObject({ code: 'NOT_FOUND', message: 'Tag "nope" not found' });
    expect(await t.db.selectFrom('ticket_tags').selectAll().execute()).toEqual([]);
  });

  it('deleting a catalogue tag untags its tickets and says so in their history', async () => {
    const { admin, agent, ticket } = await setup();
    await t.services.tickets.addTags(agent, { ticket: ticket.number, tags: ['VIP'] });
    await expect(t.services.tags.delete(admin, { name: 'vip' })).resolves.toMatchObject({ ticketsUntagged: 1 });
    expect((await eventsOf(t.db, ticket.id)).at(-1)).toEqual({ type: 'ticket.tags_removed', data: { tags: ['VIP'], reason: 'tag deleted' } });
  });

  it('customers cannot tag (NOT_FOUND, exactly like a missing number, even on their own ticket); unknown and trashed tickets are NOT_FOUND', async () => {
    const { agent, customer, ticket } = await setup();
    const before = await eventsOf(t.db, ticket.id);
    await expectTicketNotFound(t.services.tickets.addTags(customer, { ticket: ticket.number, tags: ['VIP'] }), ticket.number);
    await expectTicketNotFound(t.services.tickets.removeTags(customer, { ticket: ticket.number, tags: ['VIP'] }), ticket.number);
    expect(await eventsOf(t.db, ticket.id)).toEqual(before);
    expect((await failureOf(t.services.tickets.addTags(agent, { ticket: 999999, tags: ['VIP'] }))).code).toBe('NOT_FOUND');
    const trashed = await seedTicket(t.db, { customerId: customer.id, status: 'closed', deletedAt: new Date() });
    expect((await failureOf(t.services.tickets.addTags(agent, { ticket: trashed.number, tags: ['VIP'] }))).code).toBe('NOT_FOUND');
  });
});
