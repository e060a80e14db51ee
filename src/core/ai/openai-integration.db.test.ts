import OpenAI from 'openai';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { testConfig, useTestDatabase } from '../../../test/support/db.js';
import { FakeOpenAi } from '../../../test/support/fake-openai.js';
import { createServices } from '../services.js';
import { addCustomerMessage, drainAiJobs, seedTicket } from '../../../test/support/ai-kit.js';

// The real OpenAI adapter (official SDK, maxRetries 0) against a local OpenAI-compatible server.
const t = useTestDatabase();
const fake = new FakeOpenAi();
beforeAll(() => fake.start());
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function pipeline(config: Record<string, unknown> = {}) {
  const sleeps: number[] = [];
  const services = createServices({
    ...t.deps,
    config: testConfig({ ai: { apiKey: 'sk-test', baseUrl: fake.baseUrl, timeoutSeconds: 0.5, ...config } }),
    ai: { sleep: async (ms) => void sleeps.push(ms), random: () => 0.5 },
  });
  return { services, sleeps };
}

async function customerWrites(services: ReturnType<typeof pipeline>['services'], body = 'How do I change my delivery address?') {
  const customer = await t.user('customer');
  const ticket = await seedTicket(t.db, { customerId: customer.id });
  const messageId = await addCustomerMessage(services.deps, ticket, body);
  await drainAiJobs(services);
  const stored = await t.db.selectFrom('messages').select('kind').where('id', '=', messageId).executeTakeFirst();
  expect(stored?.kind).toBe('customer'); // the customer's message is always kept
  return { messageId, ticket, outcome: await services.ai.outcome(messageId) };
}

describe('AI replies through the openai SDK against a local fake server', () => {
  it('a normal answer is stored, with the JSON-schema response format and our model', async () => {
    const { services } = pipeline();
    const { outcome } = await customerWrites(services);
    expect(outcome).toMatchObject({ status: 'replied', message: { kind: 'ai', body: fake.defaultAnswer.reply } });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.body).toMatchObject({ model: 'gpt-4o-mini', response_format: { type: 'json_schema', json_schema: { name: 'support_reply', strict: true } } });
    expect(fake.calls[0]!.headers.authorization).toBe('Bearer sk-test');
  });

  it('a 429 with Retry-After is waited out, then the answer arrives', async () => {
    const { services, sleeps } = pipeline();
    fake.enqueue({ status: 429, retryAfter: '3' });
    const { outcome } = await customerWrites(services);
    expect(outcome).toMatchObject({ status: 'replied' });
    expect(fake.calls).toHaveLength(2);
    expect(sleeps).toEqual([3000]);
  });

  it('500s are retried with exponential backoff, then the answer arrives', async () => {
    const { services, sleeps } = pipeline();
    fake.enqueue({ status: 500 }, { status: 503 });
    const { outcome } = await customerWrites(services);
    expect(outcome).toMatchObject({ status: 'replied' });
    expect(fake.calls).toHaveLength(3);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('a call that hangs times out and is retried', async () => {
    const { services } = pipeline({ timeoutSeconds: 0.3 });
    fake.enqueue({ hang: true });
    const { outcome } = await customerWrites(services);
    expect(outcome).toMatchObject({ status: 'replied' });
    expect(fake.calls).toHaveLength(2);
  });

  it('when every attempt times out, the customer gets the acknowledgement and a human', async () => {
    const { services } = pipeline({ timeoutSeconds: 0.2, maxRetries: 1 });
    fake.enqueue({ hang: true }, { hang: true });
    const { outcome, ticket } = await customerWrites(services);
    expect(outcome).toEqual({ status: 'handed_off', reason: 'model_unavailable' });
    const row = await t.db.selectFrom('tickets').select('status').where('id', '=', ticket.id).executeTakeFirstOrThrow();
    expect(row.status).toBe('escalated');
  });

  it('insufficient_quota is never retried', async () => {
    const { services, sleeps } = pipeline();
    fake.enqueue({ status: 429, insufficientQuota: true });
    const { outcome } = await customerWrites(services);
    expect(outcome).toEqual({ status: 'handed_off', reason: 'provider_quota' });
    expect(fake.calls).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('the breaker opens after N failed jobs, stops calling the provider, and closes after recovery', async () => {
    const { services } = pipeline({ maxRetries: 0, breakerThreshold: 3, breakerCooldownSeconds: 10 });
    const agent = await t.user('agent');
    fake.enqueue({ status: 500 }, { status: 500 }, { status: 500 });
    for (let i = 0; i < 3; i++) expect((await customerWrites(services)).outcome).toEqual({ status: 'handed_off', reason: 'model_unavailable' });
    expect((await services.ai.status(agent)).breaker.state).toBe('open');

    expect((await customerWrites(services)).outcome).toEqual({ status: 'handed_off', reason: 'breaker_open' });
    expect(fake.calls).toHaveLength(3);

    t.clock.advance(11_000);
    expect((await customerWrites(services)).outcome).toMatchObject({ status: 'replied' });
    expect(fake.calls).toHaveLength(4);
    expect((await services.ai.status(agent)).breaker).toMatchObject({ state: 'closed', consecutiveFailures: 0 });
  });

  it('the fake also streams (SSE) for callers that ask for it', async () => {
    const client = new OpenAI({ apiKey: 'sk-test', baseURL: fake.baseUrl, maxRetries: 0 });
    const stream = await client.chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hi' }], stream: true });
    let text = '';
    for await (const chunk of stream) text += chunk.choices[0]?.delta?.content ?? '';
    expect(JSON.parse(text)).toEqual(fake.defaultAnswer);
  });
});
