import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { eventsOf, failureOf, seedMessage, seedTicket } from '../../../test/support/catalogue-fixtures.js';

const t = useTestDatabase();

async function setup() {
  const customer = await t.user('customer');
  const agent = await t.user('agent');
  const ticket = await seedTicket(t.db, { customerId: customer.id });
  const ai = await seedMessage(t.db, ticket.id, 'ai');
  return { customer, agent, ticket, ai };
}

describe('rating an AI reply', () => {
  it('given a customer, rates an AI reply, and rating again replaces it (one per user per message)', async () => {
    const { customer, ticket, ai } = await setup();
    const first = await t.services.tickets.rateMessage(customer, { ticket: ticket.number, messageId: ai, rating: 2, comment: 'Not quite' });
    expect(first).toMatchObject({ ticketNumber: ticket.number, messageId: ai, rating: 2, comment: 'Not quite', updated: false });
    t.clock.advance(1000);
    const second = await t.services.tickets.rateMessage(customer, { ticket: ticket.number, messageId: ai, rating: '5' });
    expect(second).toMatchObject({ rating: 5, comment: null, updated: true, createdAt: first.createdAt, updatedAt: '2026-11-25T09:00:01.000Z' });
    expect(await t.db.selectFrom('message_ratings').select(['rating']).execute()).toEqual([{ rating: 5 }]);
    expect((await eventsOf(t.db, ticket.id)).map((e) => [e.type, e.data.rating, e.data.updated])).toEqual([
      ['ticket.message_rated', 2, false],
      ['ticket.message_rated', 5, true],
    ]);
  });

  it.each(['customer', 'agent', 'system'] as const)('refuses to rate a %s message with a clear message', async (kind) => {
    const { customer, ticket } = await setup();
    const message = await seedMessage(t.db, ticket.id, kind);
    const failure = await failureOf(t.services.tickets.rateMessage(customer, { ticket: ticket.number, messageId: message, rating: 4 }));
    expect(failure).toMatchObject({ code: 'VALIDATION_FAILED', message: `Only AI replies can be rated; message ${message} is a ${kind} message` });
  });

  it.each([0, 6, 2.5, 'great'])('refuses the rating %j', async (rating) => {
    const { customer, ticket, ai } = await setup();
    expect((await failureOf(t.services.tickets.rateMessage(customer, { ticket: ticket.number, messageId: ai, rating: rating as number }))).code).toBe('VALIDATION_FAILED');
  });

  it("another customer's ticket or message, an internal note and a bad id are all NOT_FOUND", async () => {
    const { customer, ticket, ai } = await setup();
    const other = await t.user('customer');
    const otherTicket = await seedTicket(t.db, { customerId: other.id });
    const otherAi = await seedMessage(t.db, otherTicket.id, 'ai');
    const note = await seedMessage(t.db, ticket.id, 'internal');
    expect((await failureOf(t.services.tickets.rateMessage(other, { ticket: ticket.number, messageId: ai, rating: 1 }))).code).toBe('NOT_FOUND');
    expect((await failureOf(t.services.tickets.rateMessage(customer, { ticket: ticket.number, messageId: otherAi, rating: 1 }))).code).toBe('NOT_FOUND');
    expect((await failureOf(t.services.tickets.rateMessage(customer, { ticket: ticket.number, messageId: note, rating: 1 }))).code).toBe('NOT_FOUND');
    expect((await failureOf(t.services.tickets.rateMessage(customer, { ticket: ticket.number, messageId: 'not-a-uuid', rating: 1 }))).code).toBe('NOT_FOUND');
    expect(await t.db.selectFrom('message_ratings').selectAll().execute()).toEqual([]);
  });

  it('staff do not rate AI replies', async () => {
    const { agent, ticket, ai } = await setup();
    expect((await failureOf(t.services.tickets.rateMessage(agent, { ticket: ticket.number, messageId: ai, rating: 5 }))).code).toBe('FORBIDDEN');
  });
});
