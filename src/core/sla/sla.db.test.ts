import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

async function berlinDesk() {
  const admin = await t.user('admin');
  await t.services.sla.calendars.create(admin, { name: 'Berlin office', timeZone: 'Europe/Berlin', hours: 'mon-fri 09:00-17:00', holidays: ['2026-12-25'] });
  await t.services.sla.policies.create(admin, { name: 'Standard', priority: 'medium', firstResponse: '4h', resolution: '2d', calendar: 'Berlin office' });
  return admin;
}

describe('SLA policies and calendars', () => {
  it.each([
    ['an unknown time zone', { timeZone: 'Mars/Olympus', hours: 'mon 09:00-17:00' }, 'timeZone'],
    ['inverted hours', { timeZone: 'UTC', hours: { mon: [{ start: '17:00', end: '09:00' }] } }, 'hours.mon.0.end'],
    ['overlapping hours', { timeZone: 'UTC', hours: 'mon 09:00-13:00; mon 12:00-17:00' }, 'hours.mon.1.start'],
    ['hours that never open', { timeZone: 'UTC', hours: {} }, 'hours'],
    ['a bad holiday', { timeZone: 'UTC', hours: 'mon 09:00-17:00', holidays: ['2026-02-30'] }, 'holidays.0'],
  ])('Given %s, the calendar is refused naming the field', async (_name, input, path) => {
    const admin = await t.user('admin');
    const error = await expectCode(t.services.sla.calendars.create(admin, { name: 'Office', ...input } as never), 'VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(path);
  });

  it.each([
    ['a negative target', { firstResponse: '-4h', resolution: '1d' }, 'firstResponse'],
    ['a zero target', { firstResponse: '4h', resolution: 0 }, 'resolution'],
    ['an unknown priority', { priority: 'critical', firstResponse: '4h', resolution: '1d' }, 'priority'],
  ])('Given %s, the policy is refused naming the field', async (_name, input, path) => {
    const admin = await t.user('admin');
    const error = await expectCode(t.services.sla.policies.create(admin, { name: 'P', priority: 'high', ...input } as never), 'VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(path);
  });

  it('lists policies with their calendar; agents may read, not write', async () => {
    await berlinDesk();
    const agent = await t.user('agent');
    const list = await t.services.sla.policies.list(agent);
    expect(list).toMatchObject({ items: [{ name: 'Standard', priority: 'medium', firstResponseSeconds: 14400, resolutionSeconds: 172800, calendar: { name: 'Berlin office' }, pauseStatuses: ['pending'], warnPercent: 80 }], nextCursor: null });
    await expectCode(t.services.sla.policies.create(agent, { name: 'X', priority: 'low', firstResponse: '1h', resolution: '1d' }), 'FORBIDDEN');
    await expectCode(t.services.sla.calendars.remove(await t.user('admin'), { calendar: 'Berlin office' }), 'CONFLICT');
  });
});

describe('SLA on tickets', () => {
  it('Given a pause and a weekend, explain shows each step and the view, the stored columns and the report agree on the due time', async () => {
    await berlinDesk();
    const [agent, customer] = [await t.user('agent'), await t.user('customer')];
    t.clock.set('2026-11-27T15:00:00Z'); // Friday 16:00 in Berlin
    const { ticket } = await t.services.tickets.create(customer, { subject: 'Invoice', message: 'Wrong amount' });
    t.clock.set('2026-11-27T15:15:00Z');
    await t.services.tickets.setStatus(agent, { ticket: ticket.number, status: 'pending' });
    t.clock.set('2026-11-27T15:30:00Z');
    await t.services.tickets.reply(customer, { ticket: ticket.number, body: 'Here is the invoice' });
    t.clock.set('2026-11-30T08:30:00Z'); // Monday 09:30 in Berlin

    const explained = await t.services.sla.explain(agent, { ticket: ticket.number });
    const text = explained.steps!.map((s) => s.text).join('\n');
    expect(text).toMatch(/Paused: status pending/);
    expect(text).toMatch(/Resumed: status open/);
    expect(text).toMatch(/outside business hours skipped/);
    // 15 min before the pause + 30 min Friday + 30 min Monday = 1h15 used of 4h: due Monday 12:15 Berlin.
    expect(explained.firstResponse).toMatchObject({ state: 'running', dueAt: '2026-11-30T11:15:00.000Z', remainingSeconds: 2 * 3600 + 45 * 60 });
    expect(explained.dueAt).toBe('2026-11-30T11:15:00.000Z');

    const view = await t.services.tickets.view(agent, { ticket: ticket.number });
    expect(view.ticket.sla).toEqual({ state: 'running', dueAt: explained.dueAt });
    const stored = await t.db.selectFrom('ticket_sla').select('due_at').executeTakeFirstOrThrow();
    expect(stored.due_at?.toISOString()).toBe(explained.dueAt);

    const customerView = await t.services.sla.explain(customer, { ticket: ticket.number });
    expect(customerView).toMatchObject({ state: 'running', dueAt: explained.dueAt, policy: null, steps: null });
  });

  it('report: --fail-if breached>0 holds only once a ticket breached; --now evaluates another moment', async () => {
    await berlinDesk();
    const [agent, customer] = [await t.user('agent'), await t.user('customer')];
    t.clock.set('2026-11-30T08:00:00Z'); // Monday 09:00 Berlin
    const { ticket } = await t.services.tickets.create(customer, { subject: 'Broken', message: 'It broke' });
    const early = await t.services.sla.report(agent, { failIf: 'breached>0', now: '2026-11-30T09:00:00Z' });
    expect(early.total).toMatchObject({ tickets: 1, withPolicy: 1, running: 1, breached: 0, metRate: null });
    expect(early.failIf).toEqual({ expression: 'breached>0', crossed: false });
    const late = await t.services.sla.report(agent, { failIf: 'breached>0', now: '2026-11-30T13:00:00Z', groupBy: 'priority' });
    expect(late.total).toMatchObject({ breached: 1, metRate: 0 });
    expect(late.items).toEqual([expect.objectContaining({ group: 'medium', breached: 1 })]);
    expect(late.failIf?.crossed).toBe(true);

    t.clock.set('2026-11-30T09:00:00Z');
    await t.services.tickets.reply(agent, { ticket: ticket.number, body: 'On it' });
    const met = await t.services.sla.report(agent, { now: '2026-11-30T13:00:00Z', failIf: 'met_rate<0.95' });
    expect(met.total).toMatchObject({ breached: 0, running: 1, firstResponse: { p50Seconds: 3600, p90Seconds: 3600 } });
    expect(met.failIf?.crossed).toBe(false);
    await expectCode(t.services.sla.report(agent, { failIf: 'nonsense' }), 'VALIDATION_FAILED');
  });

  it('check writes a warning and a breach once each into the history', async () => {
    await berlinDesk();
    const [agent, customer] = [await t.user('agent'), await t.user('customer')];
    t.clock.set('2026-11-30T08:00:00Z');
    const { ticket } = await t.services.tickets.create(customer, { subject: 'Slow', message: 'Very slow' });
    const warned = await t.services.sla.check(agent, { now: '2026-11-30T11:30:00Z' });
    expect(warned.items).toEqual([{ ticketNumber: ticket.number, target: 'firstResponse', kind: 'warning', dueAt: '2026-11-30T12:00:00.000Z' }]);
    const breached = await t.services.sla.check(agent, { now: '2026-11-30T12:30:00Z' });
    expect(breached.items).toEqual([{ ticketNumber: ticket.number, target: 'firstResponse', kind: 'breached', dueAt: '2026-11-30T12:00:00.000Z' }]);
    expect((await t.services.sla.check(agent, { now: '2026-11-30T12:40:00Z' })).items).toEqual([]);
    const history = await t.services.tickets.history(agent, { ticket: ticket.number });
    expect(history.items.map((e) => e.type)).toEqual(expect.arrayContaining(['sla.warning', 'sla.breached']));
  });

  it('pending and the AI switch are recorded; the customer\'s next message re-opens', async () => {
    const [agent, customer] = [await t.user('agent'), await t.user('customer')];
    const { ticket } = await t.services.tickets.create(customer, { subject: 'Q', message: 'Question' });
    await expect(t.services.tickets.setStatus(agent, { ticket: ticket.number, status: 'pending' })).resolves.toMatchObject({ status: 'pending' });
    await expect(t.services.tickets.setAi(agent, { ticket: ticket.number, enabled: 'off' })).resolves.toMatchObject({ aiEnabled: false });
    const again = await t.services.tickets.create(customer, { subject: 'Q', message: 'Any news?' });
    expect(again).toMatchObject({ created: false, ticket: { status: 'open' } });
    const types = (await t.services.tickets.history(agent, { ticket: ticket.number })).items.map((e) => e.type);
    expect(types.filter((x) => x === 'ticket.status_changed')).toHaveLength(2);
    expect(types).toContain('ticket.ai_switched');
    await expectCode(t.services.tickets.setStatus(customer, { ticket: ticket.number, status: 'pending' }), 'NOT_FOUND');
  });
});
