import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { random } from '../../../test/support/random.js';
import type { Actor } from '../access/permissions.js';
import { NexusError } from '../errors.js';
import { deleteTickets } from '../tickets/delete-tickets.js';
import { restoreTicket } from '../tickets/restore-ticket.js';
import type { SlaReport, SlaReportInput, SlaReportRow } from './sla-report.js';
import { evaluateTicketSla } from './ticket-sla-store.js';

const t = useTestDatabase();

/** Postgres's percentile_cont: linear interpolation between the two closest ranks. */
function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  const row = 1 + p * (sorted.length - 1);
  const lo = Math.floor(row);
  const hi = Math.ceil(row);
  const a = sorted[lo - 1]!;
  return Math.round(a + (sorted[hi - 1]! - a) * (row - lo));
}

type Group = SlaReportInput['groupBy'];

/**
 * The report recomputed from scratch: every ticket not in the trash evaluated from its whole history by
 * the SLA clock, grouped by the ticket's own columns, counted and ranked in JavaScript.
 */
async function recompute(now: Date, groupBy: Group, range: { from?: Date; to?: Date } = {}) {
  const tickets = await t.db
    .selectFrom('tickets as k')
    .leftJoin('users as u', 'u.id', 'k.assignee_id')
    .leftJoin('categories as c', 'c.id', 'k.category_id')
    .select(['k.id', 'k.priority', 'k.created_at', 'u.email', 'c.name as category'])
    .where('k.deleted_at', 'is', null)
    .execute();
  const rows = new Map<string | null, { tickets: number; withPolicy: number; met: number; breached: number; running: number; paused: number; fr: number[]; rs: number[] }>();
  const weeks = new Map<string, { met: number; breached: number }>();
  const weekFrom = new Date(Math.max(range.from?.getTime() ?? -Infinity, Math.min(range.to?.getTime() ?? Infinity, now.getTime()) - 84 * 86_400_000));
  for (const ticket of tickets) {
    if ((range.from && ticket.created_at < range.from) || (range.to && ticket.created_at >= range.to)) continue;
    const sla = await evaluateTicketSla(t.db, ticket.id, now);
    const key = groupBy === 'priority' ? ticket.priority : groupBy === 'agent' ? ticket.email : groupBy === 'category' ? ticket.category : null;
    const row = rows.get(key) ?? { tickets: 0, withPolicy: 0, met: 0, breached: 0, running: 0, paused: 0, fr: [], rs: [] };
    rows.set(key, row);
    row.tickets++;
    if (!sla.policy) continue;
    row.withPolicy++;
    if (sla.state !== 'none') row[sla.state]++;
    if (sla.firstResponse?.metAt) row.fr.push(sla.firstResponse.elapsedSeconds);
    if (sla.resolution?.metAt) row.rs.push(sla.resolution.elapsedSeconds);
    if (ticket.created_at >= weekFrom && (sla.state === 'met' || sla.state === 'breached')) {
      const day = new Date(Date.UTC(ticket.created_at.getUTCFullYear(), ticket.created_at.getUTCMonth(), ticket.created_at.getUTCDate()));
      const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * 86_400_000).toISOString().slice(0, 10);
      const week = weeks.get(monday) ?? { met: 0, breached: 0 };
      weeks.set(monday, week);
      week[sla.state]++;
    }
  }
  const toRow = (group: string | null, r: NonNullable<ReturnType<typeof rows.get>>): SlaReportRow => {
    const fr = [...r.fr].sort((a, b) => a - b);
    const rs = [...r.rs].sort((a, b) => a - b);
    return {
      group,
      tickets: r.tickets,
      withPolicy: r.withPolicy,
      met: r.met,
      breached: r.breached,
      running: r.running,
      paused: r.paused,
      metRate: r.met + r.breached ? Math.round((r.met / (r.met + r.breached)) * 10_000) / 10_000 : null,
      firstResponse: { p50Seconds: percentile(fr, 0.5), p90Seconds: percentile(fr, 0.9) },
      resolution: { p50Seconds: percentile(rs, 0.5), p90Seconds: percentile(rs, 0.9) },
    };
  };
  const all = [...rows.values()].reduce(
    (s, r) => ({ tickets: s.tickets + r.tickets, withPolicy: s.withPolicy + r.withPolicy, met: s.met + r.met, breached: s.breached + r.breached, running: s.running + r.running, paused: s.paused + r.paused, fr: [...s.fr, ...r.fr], rs: [...s.rs, ...r.rs] }),
    { tickets: 0, withPolicy: 0, met: 0, breached: 0, running: 0, paused: 0, fr: [] as number[], rs: [] as number[] },
  );
  return {
    total: toRow(null, all),
    items: groupBy === 'none' ? [] : [...rows.entries()].map(([g, r]) => toRow(g, r)).sort((a, b) => String(a.group).localeCompare(String(b.group))),
    byWeek: [...weeks.entries()]
      .filter(([, w]) => w.met + w.breached > 0)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([weekStart, w]) => ({ weekStart, met: w.met, breached: w.breached, metRate: Math.round((w.met / (w.met + w.breached)) * 10_000) / 10_000 })),
  };
}

/** The report's rows, with weeks that only count running tickets left out (the recount skips them). */
const shape = (report: SlaReport) => ({ total: report.total, items: report.items, byWeek: report.byWeek.filter((w) => w.met + w.breached > 0) });

const PRIORITIES = ['low', 'medium', 'high', 'urgent'] as const;

describe('the SLA report', () => {
  it('equals a full recompute from every ticket history after random operations, policy and calendar changes', async () => {
    const next = random(11);
    const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)]!;
    const admin = await t.user('admin');
    const agents = [await t.user('agent'), await t.user('agent')];
    const customers = [await t.user('customer'), await t.user('customer')];
    await t.services.categories.create(admin, { name: 'Billing' });
    await t.services.categories.create(admin, { name: 'Bugs' });
    await t.services.sla.calendars.create(admin, { name: 'Berlin office', timeZone: 'Europe/Berlin', hours: 'mon-fri 09:00-17:00', holidays: ['2026-12-25'] });
    await t.services.sla.policies.create(admin, { name: 'Low', priority: 'low', firstResponse: '8h', resolution: '5d', calendar: 'Berlin office' });
    await t.services.sla.policies.create(admin, { name: 'Medium', priority: 'medium', firstResponse: '2d', resolution: '10d' });
    await t.services.sla.policies.create(admin, { name: 'High', priority: 'high', firstResponse: '1h', resolution: '1d', calendar: 'Berlin office' });
    // Urgent has no policy: its tickets count, without one.
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
      ['agent reply', () => t.services.tickets.reply(pick(agents), { ticket: pick(numbers), body: 'on it' })],
      ['customer reply', () => t.services.tickets.reply(customers[0] as Actor, { ticket: pick(numbers), body: 'still broken' })],
      ['pause', () => t.services.tickets.setStatus(pick(agents), { ticket: pick(numbers), status: 'pending' })],
      ['resume', () => t.services.tickets.setStatus(pick(agents), { ticket: pick(numbers), status: 'open' })],
      ['close', () => t.services.tickets.close(pick(agents), { ticket: pick(numbers) })],
      ['reopen', () => t.services.tickets.reopen(pick(agents), { ticket: pick(numbers) })],
      ['priority', () => t.services.tickets.setPriority(pick(agents), { ticket: pick(numbers), priority: pick(PRIORITIES) })],
      ['assign', () => t.services.tickets.assign(agents[0]!, { ticket: pick(numbers), agent: pick(agents).email })],
      ['unassign', () => t.services.tickets.unassign(pick(agents), { ticket: pick(numbers) })],
      ['category', () => t.services.tickets.setCategory(pick(agents), { ticket: pick(numbers), category: pick(['Billing', 'Bugs', null]) })],
      ['trash', () => deleteTickets(t.deps, admin, { tickets: [pick(numbers)] })],
      ['restore', () => restoreTicket(t.deps, admin, { ticket: pick(numbers) })],
      ['policy change', () => t.services.sla.policies.update(admin, { policy: pick(['Low', 'Medium', 'High']), firstResponse: pick(['30m', '6h', '2d']), resolution: pick(['12h', '3d', '10d']) })],
      ['calendar change', () => t.services.sla.calendars.update(admin, { calendar: 'Berlin office', hours: pick(['mon-fri 09:00-17:00', 'mon-sat 08:00-20:00']) })],
      // Writes outside the use cases (an import, a fix by hand) reach the report's copy too.
      ['move created_at', () => sql`update tickets set created_at = created_at - ${`${Math.floor(next() * 20)} days`}::interval where number = ${pick(numbers)}`.execute(t.db)],
    ];
    const counts = new Map<string, number>();
    const reached = { met: 0, breached: 0, running: 0, paused: 0 };
    const check = async (label: string) => {
      const now = t.clock.now();
      const mid = new Date(now.getTime() - 10 * 86_400_000);
      for (const [groupBy, range] of [
        ['priority', {}],
        ['agent', {}],
        ['category', { from: mid }],
        ['none', { to: mid }],
      ] as const) {
        const report = await t.services.sla.report(agents[0]!, { groupBy, ...range });
        expect(shape(report), `${label}, grouped by ${groupBy}`).toEqual(await recompute(now, groupBy, range));
        for (const state of ['met', 'breached', 'running', 'paused'] as const) reached[state] = Math.max(reached[state], report.total[state]);
      }
    };
    // Closing, answering and pausing are drawn more often, so met and paused tickets are common.
    const weighted = [...operations, ...operations.filter(([name]) => ['close', 'agent reply', 'pause'].includes(name)).flatMap((op) => [op, op])];
    for (let step = 0; step < 150; step++) {
      t.clock.advance(Math.floor(next() * 3 * 3_600_000));
      const [name, run] = step < 10 ? operations[0]! : pick(weighted);
      counts.set(name, (counts.get(name) ?? 0) + 1);
      await ignoreRefusals(run());
      if (step % 10 === 9) await check(`after step ${step} (${name})`);
    }
    // Later, with nothing changed, running targets have breached by the clock alone.
    t.clock.advance(7 * 86_400_000);
    await check('a week later');
    // The run reached the interesting states.
    expect(reached.met).toBeGreaterThan(0);
    expect(reached.breached).toBeGreaterThan(0);
    expect(reached.running).toBeGreaterThan(0);
    expect(reached.paused).toBeGreaterThan(0);
    const final = await t.services.sla.report(agents[0]!, {});
    expect(final.total.withPolicy).toBeLessThan(final.total.tickets);
    expect(counts.get('policy change')).toBeGreaterThan(2);
  }, 180_000);

  it('a policy change re-targets open tickets; a closed ticket keeps the rules it was closed under, in explain and in the report', async () => {
    const admin = await t.user('admin');
    const [agent, customer] = [await t.user('agent'), await t.user('customer')];
    t.clock.set('2026-11-30T08:00:00Z');
    await t.services.sla.policies.create(admin, { name: 'Standard', priority: 'medium', firstResponse: '4h', resolution: '2d' });
    const closed = (await t.services.tickets.create(customer, { subject: 'Closed one', message: 'help' })).ticket.number;
    const open = (await t.services.tickets.create(customer, { subject: 'Open one', message: 'help' })).ticket.number;
    t.clock.set('2026-11-30T10:00:00Z');
    await t.services.tickets.reply(agent, { ticket: closed, body: 'done' });
    await t.services.tickets.reply(agent, { ticket: open, body: 'looking' });
    t.clock.set('2026-11-30T11:00:00Z');
    await t.services.tickets.close(agent, { ticket: closed });
    t.clock.set('2026-11-30T12:00:00Z');
    await t.services.sla.policies.update(admin, { policy: 'Standard', firstResponse: '1h' });

    // Both answered after 2 h: within the 4 h in force when the first was closed, over the new 1 h.
    expect((await t.services.sla.explain(agent, { ticket: closed })).firstResponse).toMatchObject({ state: 'met', targetSeconds: 4 * 3600 });
    expect((await t.services.sla.explain(agent, { ticket: open })).firstResponse).toMatchObject({ state: 'breached', targetSeconds: 3600 });
    expect((await t.services.sla.report(agent)).total).toMatchObject({ tickets: 2, met: 1, breached: 1 });

    // Re-opened, the ticket is judged by the current rules again.
    t.clock.set('2026-11-30T13:00:00Z');
    await t.services.tickets.reopen(agent, { ticket: closed });
    expect((await t.services.sla.explain(agent, { ticket: closed })).firstResponse).toMatchObject({ state: 'breached', targetSeconds: 3600 });
    expect((await t.services.sla.report(agent)).total).toMatchObject({ tickets: 2, met: 0, breached: 2 });
  });
});
