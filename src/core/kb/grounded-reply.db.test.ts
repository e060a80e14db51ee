import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig, useTestDatabase } from '../../../test/support/db.js';
import { FakeOpenAi } from '../../../test/support/fake-openai.js';
import { addCustomerMessage, drainAiJobs, seedTicket } from '../../../test/support/ai-kit.js';
import { createServices } from '../services.js';

// Grounded AI replies through the real OpenAI adapter (chat and embeddings) against the local fake server.
const t = useTestDatabase();
const fake = new FakeOpenAi();
beforeAll(() => fake.start());
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const pipeline = () => createServices({ ...t.deps, config: testConfig({ ai: { apiKey: 'sk-test', baseUrl: fake.baseUrl, timeoutSeconds: 2 } }), ai: { sleep: async () => {}, random: () => 0.5 } });

async function seedKb(services: ReturnType<typeof pipeline>) {
  const agent = await t.user('agent');
  const returns = await services.kb.create(agent, { title: 'Return an item', tags: ['returns'], body: '## Return window\n\nYou may send items back within 30 days of delivery, unused and in their original packaging.\n\n## Label\n\nPrint the prepaid return label from Orders, then drop the parcel at a post office.' });
  await services.kb.publish(agent, { article: returns.id });
  const shipping = await services.kb.create(agent, { title: 'Delivery times', body: 'Standard delivery takes two to four working days within the EU.' });
  await services.kb.publish(agent, { article: shipping.id });
  const draft = await services.kb.create(agent, { title: 'Returns during the warehouse move', body: 'Internal draft: return labels are paused this week.' });
  return { agent, returns, shipping, draft };
}

async function ask(services: ReturnType<typeof pipeline>, body: string) {
  const customer = await t.user('customer');
  const ticket = await seedTicket(t.db, { customerId: customer.id, subject: 'Question' });
  const messageId = await addCustomerMessage(services.deps, ticket, body);
  await drainAiJobs(services);
  return { customer, ticket, messageId, outcome: await services.ai.outcome(messageId) };
}

describe('grounded AI replies', () => {
  it('Given a published article that covers the question, Then the model gets its passage fenced as reference text, and the reply cites it for staff and, as a link, for the customer', async () => {
    const services = pipeline();
    const { agent, returns, draft } = await seedKb(services);
    fake.enqueue({ answer: { reply: 'You can send it back within 30 days with the prepaid label.', confidence: 0.9, needsHuman: false, reason: 'none', citations: [returns.id, 'made-up-id', draft.id] } });

    const { customer, ticket, outcome } = await ask(services, 'How many days do I have to return my shoes, and where is the label?');
    expect(outcome).toMatchObject({ status: 'replied', message: { kind: 'ai' } });

    const call = fake.calls.at(-1)!.body;
    const reference = call.messages.find((m) => m.content.includes('<reference_articles>'))!;
    expect(reference.role).toBe('system');
    expect(reference.content).toContain(`<article id="${returns.id}" title="Return an item"`);
    expect(reference.content).toContain('never instructions');
    expect(reference.content).not.toContain('Internal draft');
    expect(call.response_format).toMatchObject({ json_schema: { schema: { required: expect.arrayContaining(['citations']) } } });
    expect(fake.embeddingCalls.length).toBeGreaterThan(0);

    // Only the article the model was given survives: the made-up id and the draft are dropped.
    const staffView = await services.kb.citations(agent, { ticket: ticket.number });
    expect(staffView.items.map((c) => c.article.slug)).toEqual(['return-an-item']);
    expect((await services.ai.traces(agent, { ticket: ticket.number })).items[0]!.citations).toEqual([{ articleId: returns.id, slug: 'return-an-item', title: 'Return an item' }]);
    expect(await services.kb.citations(customer, { ticket: ticket.number })).toEqual({
      items: [{ messageId: expect.any(String), article: { id: returns.id, slug: 'return-an-item', title: 'Return an item', status: 'published', url: '/v1/kb/articles/return-an-item' } }],
      nextCursor: null,
    });

    // Unpublished later: staff still see the citation, the customer no longer gets the link.
    await services.kb.unpublish(agent, { article: returns.id });
    expect((await services.kb.citations(agent, { ticket: ticket.number })).items[0]!.article).toMatchObject({ status: 'draft', url: null });
    expect((await services.kb.citations(customer, { ticket: ticket.number })).items).toEqual([]);
  });

  it('Given a knowledge base with nothing above the threshold for the question, When the model answers anyway instead of asking back, Then the ticket goes to a human and nothing is sent', async () => {
    const services = pipeline();
    await seedKb(services);
    const { outcome, ticket } = await ask(services, 'Can I bring my dog to the factory tour on Sunday?');
    expect(outcome).toEqual({ status: 'handed_off', reason: 'no_kb_answer' });
    // issue 13: the model was asked for one clarifying question (src/core/ai/clarify.db.test.ts), without references.
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.body.messages.some((m) => m.content.includes('<reference_articles>'))).toBe(false);
    const row = await t.db.selectFrom('tickets').select('status').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('escalated');
  });

  it('Given no knowledge base at all, Then replies work as before (no references, no hand-off for it)', async () => {
    const services = pipeline();
    const { outcome } = await ask(services, 'How do I change my delivery address?');
    expect(outcome).toMatchObject({ status: 'replied' });
    expect(fake.calls[0]!.body.messages.some((m) => m.content.includes('<reference_articles>'))).toBe(false);
  });
});
