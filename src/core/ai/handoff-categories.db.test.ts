import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { createServices } from '../services.js';
import { addCustomerMessage, drainAiJobs, seedTicket } from '../../../test/support/ai-kit.js';
import { FakeLlm } from './llm.fake.js';

const t = useTestDatabase({ config: { ai: { apiKey: 'sk-test' } } });

describe('hand-off categories in the pipeline (issue 13)', () => {
  it('Given a customer in distress, Then a person takes over, the model is not called, and the reason stays internal', async () => {
    const llm = new FakeLlm();
    const services = createServices({ ...t.deps, ai: { llm, sleep: async () => {} } });
    const customer = await t.user('customer');
    const agent = await t.user('agent');
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    const messageId = await addCustomerMessage(services.deps, ticket, 'Não aguento mais viver assim, quero acabar com tudo.');
    await drainAiJobs(services);
    expect(await services.ai.outcome(messageId)).toEqual({ status: 'handed_off', reason: 'needs_human' });
    expect(llm.calls).toHaveLength(0);
    const [trace] = (await services.ai.traces(agent, { ticket: ticket.number })).items;
    expect(trace).toMatchObject({ outcome: 'handed_off', reason: 'safety', error: expect.stringContaining('self_harm') });
    const visible = await t.db.selectFrom('messages').select('body').where('ticket_id', '=', ticket.id).where('kind', '!=', 'customer').execute();
    expect(visible.map((m) => m.body).join(' ')).not.toMatch(/safety|self|harm/i);
  });

  it('Given a request to act on the account, Then it goes to a person before any model call', async () => {
    const llm = new FakeLlm();
    const services = createServices({ ...t.deps, ai: { llm, sleep: async () => {} } });
    const customer = await t.user('customer');
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    const messageId = await addCustomerMessage(services.deps, ticket, 'Pourriez-vous appliquer le code promo NOEL à ma commande ?');
    await drainAiJobs(services);
    expect(await services.ai.outcome(messageId)).toEqual({ status: 'handed_off', reason: 'restricted_topic' });
    expect(llm.calls).toHaveLength(0);
  });
});
