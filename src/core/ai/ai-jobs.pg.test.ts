import { describe, expect, it } from 'vitest';
import { testConfig, useTestDatabase } from '../../../test/support/db.js';
import { startWorkers } from '../jobs/workers.js';
import { createServices } from '../services.js';
import { addCustomerMessage, seedTicket } from '../../../test/support/ai-kit.js';
import { FakeLlm } from './llm.fake.js';
import type { LlmAnswer } from './llm.js';
import { leaseSeconds } from './runtime.js';

// Postgres only: real concurrency between connections and workers.
const t = useTestDatabase();

function pipeline(llm: FakeLlm, config: Record<string, unknown> = {}) {
  return createServices({ ...t.deps, config: testConfig({ ai: { apiKey: 'sk-test', ...config } }), ai: { llm, sleep: async () => {}, random: () => 0.5 } });
}

async function until(check: () => Promise<boolean>, what: string, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const queueEmpty = async () => {
  const open = await t.db.selectFrom('ai_jobs').select('id').where('status', '<>', 'done').execute();
  return open.length === 0;
};

const slowAnswer = async (): Promise<LlmAnswer> => {
  await new Promise((resolve) => setTimeout(resolve, 30));
  return { reply: 'Here is what to do.', confidence: 0.9, needsHuman: false, reason: 'none' };
};

describe('AI jobs under concurrency (Postgres)', () => {
  it('20 concurrent customer messages on one ticket give at most 2 AI replies; the rest are rate_limited with the right wait', async () => {
    const services = pipeline(new FakeLlm(slowAnswer));
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => addCustomerMessage(services.deps, ticket, `Question number ${i}: where is my parcel?`)));
    const workers = startWorkers(services, { concurrency: 8, pollMs: 10 });
    try {
      await until(queueEmpty, 'the queue to drain');
    } finally {
      await workers.stop();
    }
    const outcomes = await Promise.all(ids.map((id) => services.ai.outcome(id)));
    const replied = outcomes.filter((o) => o.status === 'replied');
    const limited = outcomes.filter((o) => o.status === 'rate_limited');
    expect(replied).toHaveLength(2);
    expect(limited).toHaveLength(18);
    // The clock stands still: the oldest reply in the window leaves it in exactly 60 s.
    expect(new Set(limited.map((o) => (o.status === 'rate_limited' ? o.waitSeconds : -1)))).toEqual(new Set([60]));
    const aiMessages = await t.db.selectFrom('messages').select('id').where('ticket_id', '=', ticket.id).where('kind', '=', 'ai').execute();
    expect(aiMessages).toHaveLength(2);
  });

  it('a worker that dies mid-job loses nothing: a new worker finishes every job and nothing is answered twice', async () => {
    // Worker A's model never answers until we let it: it is "dead" while holding two claimed jobs.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const stuck = new FakeLlm(async () => {
      await gate;
      return { reply: 'Late answer from the dead worker.', confidence: 0.9, needsHuman: false, reason: 'none' };
    });
    const a = pipeline(stuck);
    const customer = await t.user('customer');
    const messages: string[] = [];
    for (let i = 0; i < 6; i++) {
      const ticket = await seedTicket(t.db, { customerId: customer.id, subject: `Ticket ${i}` });
      messages.push(await addCustomerMessage(a.deps, ticket, `Where is parcel ${i}?`));
    }
    const workerA = startWorkers(a, { concurrency: 2, pollMs: 10 });
    await until(async () => stuck.calls.length === 2, 'worker A to claim two jobs');
    const stoppingA = workerA.stop(); // takes no new jobs; its two jobs hang

    // The restarted worker comes up after A's leases have expired.
    t.clock.advance((leaseSeconds(a.deps.config) + 1) * 1000);
    const fresh = new FakeLlm({ reply: 'Answer from the new worker.', confidence: 0.9, needsHuman: false, reason: 'none' });
    const b = pipeline(fresh);
    const workerB = startWorkers(b, { concurrency: 2, pollMs: 10 });
    try {
      await until(queueEmpty, 'worker B to finish every job');
    } finally {
      await workerB.stop();
    }
    release(); // the dead worker wakes up: it must not store its late answers
    await stoppingA;

    expect(fresh.calls).toHaveLength(6);
    for (const id of messages) {
      const outcome = await b.ai.outcome(id);
      expect(outcome).toMatchObject({ status: 'replied', message: { body: 'Answer from the new worker.' } });
    }
    const replies = await t.db.selectFrom('messages').select(['ticket_id', 'body']).where('kind', '=', 'ai').execute();
    expect(replies).toHaveLength(6);
    expect(new Set(replies.map((r) => r.ticket_id)).size).toBe(6);
    expect(replies.every((r) => r.body === 'Answer from the new worker.')).toBe(true);
  });

  it('a worker stopped gracefully leaves the rest of the queue to the next one', async () => {
    const first = pipeline(new FakeLlm(slowAnswer));
    const customer = await t.user('customer');
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await addCustomerMessage(first.deps, await seedTicket(t.db, { customerId: customer.id }), `Question ${i}`));
    const w1 = startWorkers(first, { concurrency: 1, pollMs: 10 });
    await until(async () => (await t.db.selectFrom('ai_jobs').select('id').where('status', '=', 'done').execute()).length >= 2, 'a couple of jobs');
    await w1.stop();
    const second = pipeline(new FakeLlm(slowAnswer));
    const w2 = startWorkers(second, { concurrency: 2, pollMs: 10 });
    try {
      await until(queueEmpty, 'the rest of the queue');
    } finally {
      await w2.stop();
    }
    const outcomes = await Promise.all(ids.map((id) => second.ai.outcome(id)));
    expect(outcomes.every((o) => o.status === 'replied')).toBe(true);
    const count = await t.db.selectFrom('messages').select('id').where('kind', '=', 'ai').execute();
    expect(count).toHaveLength(8);
  });
});
