import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig, useTestDatabase } from '../../../test/support/db.js';
import { FakeOpenAi } from '../../../test/support/fake-openai.js';
import { seedTicket } from '../../../test/support/ai-kit.js';
import { createServices } from '../services.js';
import { failureOf } from '../../../test/support/catalogue-fixtures.js';

const t = useTestDatabase();
const fake = new FakeOpenAi();
beforeAll(() => fake.start());
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const withModel = () => createServices({ ...t.deps, config: testConfig({ ai: { apiKey: 'sk-test', baseUrl: fake.baseUrl, timeoutSeconds: 2 } }), ai: { sleep: async () => {}, random: () => 0.5 } });

async function ticketWith(customerId: string, subject: string, messages: { kind: 'customer' | 'internal' | 'agent'; body: string }[], status: 'open' | 'closed' = 'open') {
  const ticket = await seedTicket(t.db, { customerId, subject });
  for (const m of messages) {
    t.clock.advance(1000);
    await t.db.insertInto('messages').values({ ticket_id: ticket.id, kind: m.kind, author_id: null, body: m.body, created_at: t.clock.now() }).execute();
  }
  if (status === 'closed') await t.db.updateTable('tickets').set({ status: 'closed', resolved_at: t.clock.now() }).where('id', '=', ticket.id).execute();
  return ticket;
}

describe('agent assist', () => {
  it('Given a ticket covered by an article, When an agent asks for a suggestion, Then a cited draft comes back, nothing is stored or sent, and internal notes never reach the model', async () => {
    const services = withModel();
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const article = await services.kb.create(agent, { title: 'Return an item', body: 'You may send items back within 30 days of delivery with the prepaid return label.' });
    await services.kb.publish(agent, { article: article.id });
    const ticket = await ticketWith(customer.id, 'Return', [
      { kind: 'customer', body: 'How many days do I have to return the jacket?' },
      { kind: 'internal', body: 'SECRET-NOTE: customer is on the fraud watch list' },
    ]);
    fake.enqueue({ answer: { reply: 'You have 30 days from delivery; print the prepaid label from Orders.', confidence: 0.88, needsHuman: false, reason: 'none', citations: [article.id] } });
    const before = await t.db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).execute();

    const suggestion = await services.kb.suggest(agent, { ticket: ticket.number });
    expect(suggestion).toMatchObject({ ticketNumber: ticket.number, draft: 'You have 30 days from delivery; print the prepaid label from Orders.', citations: [{ articleId: article.id, slug: 'return-an-item', url: '/v1/kb/articles/return-an-item' }], needsHuman: false });
    expect(suggestion.passages[0]).toMatchObject({ slug: 'return-an-item' });
    expect(JSON.stringify(fake.calls[0]!.body.messages)).not.toContain('SECRET-NOTE');
    expect(await t.db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).execute()).toEqual(before);
  });

  it('Given a customer, Then suggest and similar do not exist for them (NOT_FOUND, even on their own ticket)', async () => {
    const services = withModel();
    const customer = await t.user('customer');
    const ticket = await ticketWith(customer.id, 'Mine', [{ kind: 'customer', body: 'Hello there' }]);
    expect(await failureOf(services.kb.suggest(customer, { ticket: ticket.number }))).toMatchObject({ code: 'NOT_FOUND' });
    expect(await failureOf(services.kb.similar(customer, { ticket: ticket.number }))).toMatchObject({ code: 'NOT_FOUND' });
  });

  it('Given resolved and open tickets, When an agent asks for similar ones, Then resolved tickets about the same thing come first and open ones never', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const closedRouter = await ticketWith(customer.id, 'Router blinking red', [{ kind: 'customer', body: 'The X200 router light keeps blinking red after the update.' }], 'closed');
    const closedInvoice = await ticketWith(customer.id, 'Invoice missing', [{ kind: 'customer', body: 'Where can I download my invoice as PDF?' }], 'closed');
    await ticketWith(customer.id, 'Router blinking', [{ kind: 'customer', body: 'My router is blinking red too.' }]);
    const current = await ticketWith(customer.id, 'Red light on router', [{ kind: 'customer', body: 'Since this morning my X200 router shows a blinking red light.' }]);

    const result = await t.services.kb.similar(agent, { ticket: current.number });
    expect(result.items.map((i) => i.number)).toEqual([closedRouter.number]);
    expect(result.items.map((i) => i.number)).not.toContain(closedInvoice.number);
    expect(result.nextCursor).toBeNull();
  });

  it('Given no model configured, When an agent asks for a suggestion, Then CONFLICT says why', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const ticket = await ticketWith(customer.id, 'Q', [{ kind: 'customer', body: 'Hello' }]);
    expect(await failureOf(t.services.kb.suggest(agent, { ticket: ticket.number }))).toMatchObject({ code: 'CONFLICT' });
  });
});
