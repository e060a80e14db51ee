import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { eventsOf, failureOf, seedTicket } from '../../../test/support/catalogue-fixtures.js';
import { expectTicketNotFound } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('category catalogue', () => {
  it('given an admin, creates, renames, describes and lists categories', async () => {
    const admin = await t.user('admin');
    const agent = await t.user('agent');
    await t.services.categories.create(admin, { name: 'Billing', description: 'Invoices and refunds' });
    await t.services.categories.create(admin, { name: 'access' });
    const updated = await t.services.categories.update(admin, { name: 'billing', newName: 'Payments', description: 'Money' });
    expect(updated).toMatchObject({ name: 'Payments', description: 'Money', ticketCount: 0 });
    expect((await t.services.categories.list(agent)).items.map((c) => [c.name, c.description])).toEqual([
      ['access', null],
      ['Payments', 'Money'],
    ]);
  });

  it('refuses duplicates regardless of case, unknown names, and non-admins', async () => {
    const admin = await t.user('admin');
    const agent = await t.user('agent');
    await t.services.categories.create(admin, { name: 'Billing' });
    expect((await failureOf(t.services.categories.create(admin, { name: 'BILLING' }))).code).toBe('ALREADY_EXISTS');
    expect((await failureOf(t.services.categories.update(admin, { name: 'ghost', newName: 'x' }))).code).toBe('NOT_FOUND');
    expect((await failureOf(t.services.categories.delete(admin, { name: 'ghost' }))).code).toBe('NOT_FOUND');
    expect((await failureOf(t.services.categories.create(agent, { name: 'x' }))).code).toBe('FORBIDDEN');
    expect((await failureOf(t.services.categories.create(admin, { name: ' ' }))).code).toBe('VALIDATION_FAILED');
    expect((await failureOf(t.services.categories.create(admin, { name: 'ok', description: 'x'.repeat(1001) }))).code).toBe('VALIDATION_FAILED');
  });
});

describe('a ticket category', () => {
  it('sets, changes and clears the category with before/after events', async () => {
    const admin = await t.user('admin');
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    await t.services.categories.create(admin, { name: 'Billing' });
    await t.services.categories.create(admin, { name: 'Access' });
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    await expect(t.services.tickets.setCategory(agent, { ticket: ticket.number, category: 'billing' })).resolves.toEqual({ ticketNumber: ticket.number, category: 'Billing', changed: true });
    await expect(t.services.tickets.setCategory(agent, { ticket: ticket.number, category: 'Billing' })).resolves.toMatchObject({ changed: false });
    await t.services.tickets.setCategory(agent, { ticket: ticket.number, category: 'Access' });
    await expect(t.services.tickets.setCategory(agent, { ticket: ticket.number, category: null })).resolves.toEqual({ ticketNumber: ticket.number, category: null, changed: true });
    expect(await eventsOf(t.db, ticket.id)).toEqual([
      { type: 'ticket.category_changed', data: { from: null, to: 'Billing' } },
      { type: 'ticket.category_changed', data: { from: 'Billing', to: 'Access' } },
      { type: 'ticket.category_changed', data: { from: 'Access', to: null } },
    ]);
  });

  it('deleting a category clears it on its tickets (FK on delete set null) and records why', async () => {
    const admin = await t.user('admin');
    const customer = await t.user('customer');
    await t.services.categories.create(admin, { name: 'Billing' });
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    await t.services.tickets.setCategory(admin, { ticket: ticket.number, category: 'Billing' });
    expect((await t.services.categories.list(admin)).items[0]?.ticketCount).toBe(1);
    await expect(t.services.categories.delete(admin, { name: 'billing' })).resolves.toEqual({ name: 'Billing', deleted: true, ticketsCleared: 1 });
    const row = await t.db.selectFrom('tickets').select('category_id').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.category_id).toBeNull();
    expect((await eventsOf(t.db, ticket.id)).at(-1)).toEqual({ type: 'ticket.category_changed', data: { from: 'Billing', to: null, reason: 'category deleted' } });
  });

  it('an unknown category is NOT_FOUND and changes nothing; customers get NOT_FOUND, exactly like a missing number', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    expect((await failureOf(t.services.tickets.setCategory(agent, { ticket: ticket.number, category: 'ghost' }))).code).toBe('NOT_FOUND');
    await expectTicketNotFound(t.services.tickets.setCategory(customer, { ticket: ticket.number, category: null }), ticket.number);
    expect(await eventsOf(t.db, ticket.id)).toEqual([]);
  });
});
