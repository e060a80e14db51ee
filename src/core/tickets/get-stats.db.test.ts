import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();
const HOUR = 3_600_000;

describe('desk stats', () => {
  it('counts by status and priority, buckets the open backlog by age, and averages/medians response and resolution times', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    const open = async (subject: string, priority: 'low' | 'high' | 'urgent' = 'low') => (await t.services.tickets.create(customer, { subject, message: 'm', priority })).ticket.number;
    // Opened 10 days, 5 days, 2 days and 1 hour before "now" (2026-12-05T09:00Z).
    t.clock.set('2026-11-25T09:00:00Z');
    const a = await open('a', 'urgent');
    t.clock.set('2026-11-30T09:00:00Z');
    const b = await open('b', 'high');
    t.clock.set('2026-12-03T09:00:00Z');
    await open('c');
    t.clock.set('2026-12-05T08:00:00Z');
    const d = await open('d');
    t.clock.set('2026-12-05T09:00:00Z');
    const e = await open('e');
    await t.db.updateTable('tickets').set({ deleted_at: new Date() }).where('number', '=', e).execute();
    // First responses after 1 h (a) and 3 h (b); resolutions after 10 h (a) and 1 h (d). c stays open, e is in the trash.
    t.clock.set('2026-11-25T10:00:00Z');
    await t.services.tickets.reply(agent, { ticket: a, body: 'r' });
    t.clock.set('2026-11-30T12:00:00Z');
    await t.services.tickets.reply(agent, { ticket: b, body: 'r' });
    t.clock.set('2026-11-25T19:00:00Z');
    await t.services.tickets.close(agent, { ticket: a });
    t.clock.set('2026-12-05T09:00:00Z');
    await t.services.tickets.close(agent, { ticket: d });
    const stats = await t.services.tickets.stats(agent);
    expect(stats).toEqual({
      generatedAt: '2026-12-05T09:00:00.000Z',
      total: 4,
      byStatus: { open: 1, pending: 0, escalated: 0, assigned: 1, closed: 2 },
      byPriority: { low: 2, medium: 0, high: 1, urgent: 1 },
      backlogByAge: { lessThan1Day: 0, from1To3Days: 1, from3To7Days: 1, moreThan7Days: 0 },
      firstResponse: { count: 2, averageSeconds: 2 * HOUR / 1000, medianSeconds: 2 * HOUR / 1000 },
      resolution: { count: 2, averageSeconds: 5.5 * HOUR / 1000, medianSeconds: 5.5 * HOUR / 1000 },
      from: null,
      to: null,
      byAgent: [{ agent: { id: agent.id, email: agent.email, name: agent.name }, tickets: 2, open: 1, resolved: 1, firstResponseMedianSeconds: 2 * HOUR / 1000, resolutionMedianSeconds: 10 * HOUR / 1000 }],
      csat: { ratings: 0, averageRating: null, satisfiedRate: null },
    });
    const ranged = await t.services.tickets.stats(agent, { from: '2026-11-30', to: '2026-12-02' });
    expect(ranged).toMatchObject({ total: 1, byPriority: { high: 1 }, from: '2026-11-30T00:00:00.000Z', to: '2026-12-03T00:00:00.000Z', byAgent: [{ tickets: 1, open: 1 }] });
  });

  it('reports the median as the middle value, not the mean, for skewed response and resolution times', async () => {
    const [customer, agent] = [await t.user('customer'), await t.user('agent')];
    // Three tickets opened at 09:00; first responses after 1 h, 2 h and 9 h (mean 4 h, median 2 h);
    // resolutions after 1 h, 3 h and 11 h (mean 5 h, median 3 h).
    t.clock.set('2026-12-01T09:00:00Z');
    const tickets = [];
    for (const subject of ['x', 'y', 'z']) tickets.push((await t.services.tickets.create(customer, { subject, message: 'm' })).ticket.number);
    for (const [i, hours] of [1, 2, 9].entries()) {
      t.clock.set(new Date(Date.parse('2026-12-01T09:00:00Z') + hours * HOUR).toISOString());
      await t.services.tickets.reply(agent, { ticket: tickets[i]!, body: 'r' });
    }
    for (const [i, hours] of [1, 3, 11].entries()) {
      t.clock.set(new Date(Date.parse('2026-12-01T09:00:00Z') + hours * HOUR).toISOString());
      await t.services.tickets.close(agent, { ticket: tickets[i]! });
    }
    const stats = await t.services.tickets.stats(agent);
    expect(stats.firstResponse).toEqual({ count: 3, averageSeconds: (4 * HOUR) / 1000, medianSeconds: (2 * HOUR) / 1000 });
    expect(stats.resolution).toEqual({ count: 3, averageSeconds: (5 * HOUR) / 1000, medianSeconds: (3 * HOUR) / 1000 });
  });

  it('returns zeroes and nulls on an empty desk', async () => {
    const admin = await t.user('admin');
    const stats = await t.services.tickets.stats(admin);
    expect(stats.total).toBe(0);
    expect(stats.firstResponse).toEqual({ count: 0, averageSeconds: null, medianSeconds: null });
  });

  it('is refused to customers', async () => {
    const customer = await t.user('customer');
    await expectCode(t.services.tickets.stats(customer), 'FORBIDDEN');
  });
});
