import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeLlm } from '../core/ai/llm.fake.js';
import { useTestServer } from '../../test/support/server.js';

// The model asks for a human on every message: the AI job hands the ticket off while the request waits.
const llm = new FakeLlm({ reply: 'Let me get a colleague.', confidence: 0.2, needsHuman: true, reason: 'asks for a refund' });
const t = useTestServer({ config: { 'ai.apiKey': 'sk-test', 'ai.waitSeconds': 10 }, deps: { ai: { llm, sleep: async () => {} } } });

describe('issue 8 item 2: create and reply answer with the ticket as stored after the AI ran', () => {
  let workers: { stop(): Promise<void> };
  beforeAll(() => {
    workers = t.api.startWorkers({ concurrency: 1, pollMs: 10 });
  });
  afterAll(async () => {
    await workers.stop();
  });

  it('Given the AI hands off, when a customer opens a ticket, then the answer says escalated, not open', async () => {
    const { accessToken } = await t.login(await t.user('customer'));
    const res = await t.as(accessToken, { method: 'POST', url: '/v1/tickets', payload: { subject: 'Refund', message: 'I want my money back' } });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body.ai.status).toBe('handed_off');
    expect(body.ticket.status).toBe('escalated');
  });

  it('Given the AI hands off, when a customer replies on a pending ticket, then the answer shows the stored status', async () => {
    const customer = await t.user('customer');
    const agent = await t.user('agent');
    const { accessToken } = await t.login(customer);
    const { ticket } = await t.api.tickets.create(customer, { subject: 'Order', message: 'Where is it?' });
    await t.api.deps.db.updateTable('tickets').set({ status: 'pending' }).where('number', '=', ticket.number).execute();
    const res = await t.as(accessToken, { method: 'POST', url: `/v1/tickets/${ticket.number}/messages`, payload: { body: 'Still waiting' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().ticket.status).toBe((await t.api.tickets.get(agent, { ticket: ticket.number })).status);
    expect(res.json().ticket.status).toBe('escalated');
  });
});
