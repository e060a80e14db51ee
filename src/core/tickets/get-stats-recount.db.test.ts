import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { random } from '../../../test/support/random.js';
import type { Actor } from '../access/permissions.js';
import { NexusError } from '../errors.js';
import { deleteTickets } from './delete-tickets.js';
import { purgeTickets } from './purge-tickets.js';
import { recountStats } from './recount-stats.js';
import { restoreTicket } from './restore-ticket.js';

const t = useTestDatabase();

const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;

describe('desk stats kept incrementally', () => {
  it('equal a full recount after every step of random ticket operations', async () => {
    const next = random(14);
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const customers = [await t.user('customer'), await t.user('customer')];
    const agent = await t.user('agent');
    const colleague = await t.user('agent');
    const admin = await t.user('admin');
    const numbers: number[] = [];
    const ignoreRefusals = async (work: Promise<unknown>) => {
      try {
        await work;
      } catch (error) {
        if (!(error instanceof NexusError)) throw error;
      }
    };
    const operations: [string, () => Promise<unknown>][] = [
      ['create', async () => numbers.push((await t.services.tickets.create(pick(customers), { subject: `Ticket ${numbers.length}`, message: 'help', priority: pick(PRIORITIES) })).ticket.number)],
      ['reply', () => t.services.tickets.reply(agent, { ticket: pick(numbers), body: 'on it' })],
      ['customer reply', () => t.services.tickets.reply(customers[0] as Actor, { ticket: pick(numbers), body: 'still broken' })],
      ['note', () => t.services.tickets.note(agent, { ticket: pick(numbers), body: 'internal' })],
      ['assign', () => t.services.tickets.assign(agent, { ticket: pick(numbers), agent: '@me' })],
      ['assign to a colleague', () => t.services.tickets.assign(colleague, { ticket: pick(numbers), agent: '@me' })],
      ['unassign', () => t.services.tickets.unassign(agent, { ticket: pick(numbers) })],
      ['escalate', () => t.services.tickets.escalate(agent, { ticket: pick(numbers), reason: 'vip' })],
      ['close', () => t.services.tickets.close(agent, { ticket: pick(numbers) })],
      ['reopen', () => t.services.tickets.reopen(agent, { ticket: pick(numbers) })],
      ['priority', () => t.services.tickets.setPriority(agent, { ticket: pick(numbers), priority: pick(PRIORITIES) })],
      ['trash', () => deleteTickets(t.deps, admin, { tickets: [pick(numbers)] })],
      ['restore', () => restoreTicket(t.deps, admin, { ticket: pick(numbers) })],
      ['purge', () => purgeTickets(t.deps, admin, { tickets: [pick(numbers)] })],
      // Writes outside the use cases (imports, fixes by hand) must be counted too.
      ['move created_at', () => sql`update tickets set created_at = created_at - ${`${Math.floor(next() * 20)} days`}::interval where number = ${pick(numbers)}`.execute(t.db)],
      ['delete row', () => sql`delete from tickets where number = ${pick(numbers)}`.execute(t.db)],
    ];
    for (let step = 0; step < 160; step++) {
      t.clock.advance(Math.floor(next() * 6 * 3_600_000));
      const [, run] = step < 8 ? operations[0]! : pick(operations);
      if (numbers.length > 0 || step < 8) await ignoreRefusals(run());
      if (step % 10 === 9) expect(await t.services.tickets.stats(agent), `after step ${step}`).toEqual(await recountStats(t.db, t.clock.now()));
    }
    const stats = await t.services.tickets.stats(agent);
    expect(stats).toEqual(await recountStats(t.db, t.clock.now()));
    // The run did reach the interesting states.
    expect(stats.total).toBeGreaterThan(5);
    expect(stats.firstResponse.count).toBeGreaterThan(0);
    expect(stats.resolution.count).toBeGreaterThan(0);
    // Per agent too (counters of migration 20261201160100): both agents, medians included.
    expect(stats.byAgent).toHaveLength(2);
    expect(stats.byAgent.some((a) => a.firstResponseMedianSeconds !== null && a.resolutionMedianSeconds !== null)).toBe(true);
  });
});
