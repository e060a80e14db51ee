import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';

// Postgres only: PGlite runs one connection at a time, so nothing there truly races.
const t = useTestDatabase();

describe('round-robin under concurrency (Postgres)', () => {
  it('20 tickets created at once into a group of 4 active agents (and 1 disabled) give 5 each, none to the disabled one', async () => {
    const admin = await t.user('admin');
    const agents = await Promise.all([1, 2, 3, 4].map((i) => t.user('agent', `agent${i}@desk.test`)));
    const disabled = await t.user('agent', 'away@desk.test', { disabled: true });
    await t.services.groups.create(admin, { name: 'Tier 1', members: ['agent1@desk.test', 'away@desk.test', 'agent2@desk.test', 'agent3@desk.test', 'agent4@desk.test'] });
    await t.services.routing.rules.create(admin, { name: 'Everything', conditions: { source: ['api', 'web', 'email', 'cli'] }, actions: { group: 'Tier 1', strategy: 'round-robin' } });
    const customers = await Promise.all(Array.from({ length: 20 }, (_, i) => t.user('customer', `c${i}@example.com`)));
    const results = await Promise.allSettled(customers.map((c, i) => t.services.tickets.create(c, { subject: `Help ${i}`, message: 'Please help' })));
    expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
    const rows = await t.db.selectFrom('tickets').select(['assignee_id', (eb) => eb.fn.countAll<string>().as('n')]).groupBy('assignee_id').execute();
    const byAgent = new Map(rows.map((r) => [r.assignee_id, Number(r.n)]));
    expect(agents.map((a) => byAgent.get(a.id))).toEqual([5, 5, 5, 5]);
    expect(byAgent.get(disabled.id)).toBeUndefined();
  });
});
