import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLlm } from '../core/ai/llm.fake.js';
import { useTestServer } from '../../test/support/server.js';

const llm = new FakeLlm({ reply: 'Open Settings, then Security, and choose Reset password.', confidence: 0.95, needsHuman: false, reason: 'none' });
const t = useTestServer({ config: { 'ai.apiKey': 'sk-test', 'ai.waitSeconds': 10 }, deps: { ai: { llm, sleep: async () => {} } } });

describe('the AI outcome in create and reply answers', () => {
  let workers: { stop(): Promise<void> };
  beforeAll(() => {
    workers = t.api.startWorkers({ concurrency: 1, pollMs: 10 });
  });
  afterAll(async () => {
    await workers.stop();
  });

  it('Given a model and running workers, when a customer opens a ticket, then the answer carries the AI reply', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    const res = await t.as(accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Password reset', message: 'How do I reset my password?' } });
    expect(res.statusCode, res.body).toBe(201);
    const { ai } = res.json();
    expect(ai.status).toBe('replied');
    expect(ai.message).toMatchObject({ kind: 'ai', body: expect.stringContaining('Reset password') });
  });

  it('Given an agent took the ticket, when the customer replies, then the AI stays silent and says why', async () => {
    const customer = await t.user('customer');
    const agent = await t.user('agent');
    const { accessToken } = await t.login(customer);
    const number = (await t.as(accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Billing', message: 'Wrong invoice' } })).json().ticket.number;
    await t.api.tickets.assign(agent, { ticket: number, agent: '@me' });
    const res = await t.as(accessToken, { method: 'POST', url: `/v1/tickets/${number}/messages`, payload: { body: 'Any news?' } });
    expect(res.statusCode).toBe(201);
    expect(res.json().ai.status).toBe('human_assigned');
  });
});
