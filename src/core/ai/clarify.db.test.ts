import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig, useTestDatabase } from '../../../test/support/db.js';
import { FakeOpenAi } from '../../../test/support/fake-openai.js';
import { createServices } from '../services.js';
import { addCustomerMessage, drainAiJobs, seedTicket } from '../../../test/support/ai-kit.js';
import { CLARIFIED_EVENT } from './clarify.js';

// issue 13, acceptance 3: a question with no passage above kb.minScore is handed off OR asked to
// clarify — one question, through the real OpenAI adapter against the local fake server.
const t = useTestDatabase();
const fake = new FakeOpenAi();
beforeAll(() => fake.start());
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const pipeline = () => createServices({ ...t.deps, config: testConfig({ ai: { apiKey: 'sk-test', baseUrl: fake.baseUrl, timeoutSeconds: 2 } }), ai: { sleep: async () => {}, random: () => 0.5 } });

async function seedKb(services: ReturnType<typeof pipeline>) {
  const agent = await t.user('agent');
  const article = await services.kb.create(agent, { title: 'Warranty', body: 'Every appliance carries a two-year warranty from the date of delivery. Keep the invoice as proof of purchase.' });
  await services.kb.publish(agent, { article: article.id });
  return agent;
}

async function say(services: ReturnType<typeof pipeline>, ticket: Awaited<ReturnType<typeof seedTicket>>, body: string) {
  const messageId = await addCustomerMessage(services.deps, ticket, body);
  await drainAiJobs(services);
  return services.ai.outcome(messageId);
}

describe('the clarifying question instead of a hand-off (issue 13)', () => {
  it('Given a vague message the knowledge base cannot match, Then the model is told not to answer from memory, its one question is sent, and the next unmatched message goes to a person', async () => {
    const services = pipeline();
    const agent = await seedKb(services);
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id, subject: 'Help' });
    fake.enqueue({ answer: { reply: 'Which device is this about, and what happens when you try?', confidence: 0.8, needsHuman: false, reason: 'none', citations: ['made-up'] } });

    const first = await say(services, ticket, 'it stopped');
    expect(first).toMatchObject({ status: 'replied', message: { kind: 'ai', body: 'Which device is this about, and what happens when you try?' } });
    const call = fake.calls.at(-1)!.body;
    expect(call.messages.some((m) => m.content.includes('<reference_articles>'))).toBe(false);
    expect(call.messages.find((m) => m.role === 'system' && m.content.includes('clarifying question'))!.content).toContain('Do not answer it from memory');
    const [trace] = (await services.ai.traces(agent, { ticket: ticket.number })).items;
    expect(trace).toMatchObject({ outcome: 'replied', reason: 'clarifying_question', citations: [] });
    const events = await t.db.selectFrom('ticket_events').select('type').where('ticket_id', '=', ticket.id).execute();
    expect(events.map((e) => e.type)).toContain(CLARIFIED_EVENT);

    // The customer's answer still matches nothing: one question per ticket, then a person, without a model call.
    const calls = fake.calls.length;
    const second = await say(services, ticket, 'the thing in the kitchen');
    expect(second).toEqual({ status: 'handed_off', reason: 'no_kb_answer' });
    expect(fake.calls).toHaveLength(calls);
    const row = await t.db.selectFrom('tickets').select('status').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('escalated');
  });

  it('Given no matching article, When the model sets needsHuman, Then a person takes over and nothing is sent', async () => {
    const services = pipeline();
    await seedKb(services);
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id, subject: 'Question' });
    fake.enqueue({ answer: { reply: '', confidence: 0.2, needsHuman: true, reason: 'no_kb_answer' } });
    expect(await say(services, ticket, 'Do you sponsor local football clubs?')).toEqual({ status: 'handed_off', reason: 'model_needs_human' });
    const sent = await t.db.selectFrom('messages').select('kind').where('ticket_id', '=', ticket.id).where('kind', '=', 'ai').execute();
    expect(sent).toEqual([]);
  });

  it('Given no matching article, When a hand-off category arrives, Then the classifier hands off first and the model is not asked to clarify', async () => {
    const services = pipeline();
    await seedKb(services);
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id, subject: 'Account' });
    expect(await say(services, ticket, 'Kunt u mijn lidmaatschap per direct beëindigen?')).toEqual({ status: 'handed_off', reason: 'restricted_topic' });
    expect(fake.calls).toHaveLength(0);
  });
});
