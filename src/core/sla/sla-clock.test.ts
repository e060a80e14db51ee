import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-time.js';
import { computeSla, type SlaEvent, type SlaPolicyRule } from './sla-clock.js';

const H = 3_600_000;
const T0 = Date.parse('2026-11-30T08:00:00Z'); // a Monday, 09:00 in Berlin
const t = (hours: number) => new Date(T0 + hours * H);
const day = [{ start: '09:00', end: '17:00' }];
const berlin: BusinessCalendar & { name: string } = { name: 'Berlin office', timeZone: 'Europe/Berlin', hours: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidays: ['2026-12-25'] };

const policy = (priority: SlaPolicyRule['priority'], firstHours: number, resolutionHours: number, extra: Partial<SlaPolicyRule> = {}): SlaPolicyRule => ({
  id: `p-${priority}`,
  name: priority,
  priority,
  firstResponseSeconds: firstHours * 3600,
  resolutionSeconds: resolutionHours * 3600,
  calendar: null,
  pauseStatuses: ['pending'],
  aiCountsAsFirstResponse: false,
  ...extra,
});
const created = (hours = 0, priority: SlaPolicyRule['priority'] = 'medium'): SlaEvent => ({ type: 'created', at: t(hours), status: 'open', priority });
const status = (hours: number, s: 'open' | 'pending' | 'closed' | 'assigned'): SlaEvent => ({ type: 'status', at: t(hours), status: s });
const reply = (hours: number, by: 'human' | 'ai' = 'human'): SlaEvent => ({ type: 'response', at: t(hours), by });
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);

describe('computeSla', () => {
  const medium = policy('medium', 1, 8);
  it.each([
    { name: 'no policy for the priority → none', events: [created(0, 'low')], policies: [medium], now: 1, state: 'none', firstDue: null, firstState: null },
    { name: 'running inside the target', events: [created()], policies: [medium], now: 0.5, state: 'running', firstDue: t(1), firstState: 'running' },
    { name: 'no reply past the target → breached at the due time', events: [created()], policies: [medium], now: 2, state: 'breached', firstDue: t(1), firstState: 'breached' },
    { name: 'a human reply in time meets first response', events: [created(), reply(0.5)], policies: [medium], now: 2, state: 'running', firstDue: t(1), firstState: 'met' },
    { name: 'an AI reply does not count by default', events: [created(), reply(0.5, 'ai')], policies: [medium], now: 2, state: 'breached', firstDue: t(1), firstState: 'breached' },
    { name: 'an AI reply counts when the policy says so', events: [created(), reply(0.5, 'ai')], policies: [policy('medium', 1, 8, { aiCountsAsFirstResponse: true })], now: 2, state: 'running', firstDue: t(1), firstState: 'met' },
    { name: 'pending pauses, open resumes', events: [created(), status(0.5, 'pending'), status(2, 'open')], policies: [medium], now: 2.1, state: 'running', firstDue: t(2.5), firstState: 'running' },
    { name: 'paused: no due time, time left kept', events: [created(), status(0.5, 'pending')], policies: [medium], now: 5, state: 'paused', firstDue: null, firstState: 'paused' },
    { name: 'priority change mid-flight re-targets, keeping time counted', events: [created(), { type: 'priority', at: t(0.5), priority: 'urgent' } as SlaEvent], policies: [medium, policy('urgent', 0.75, 4)], now: 0.6, state: 'running', firstDue: t(0.75), firstState: 'running' },
    { name: 'priority raised past the new target → breached at once', events: [created(), { type: 'priority', at: t(0.5), priority: 'urgent' } as SlaEvent], policies: [medium, policy('urgent', 0.25, 4)], now: 0.6, state: 'breached', firstDue: t(0.5), firstState: 'breached' },
    { name: 'priority changed to one without policy → none', events: [created(), { type: 'priority', at: t(0.5), priority: 'low' } as SlaEvent], policies: [medium], now: 3, state: 'none', firstDue: null, firstState: null },
    { name: 'business hours: Monday 16:30 Berlin + 1h is Tuesday 09:30', events: [created(7.5)], policies: [policy('medium', 1, 8, { calendar: berlin })], now: 8, state: 'running', firstDue: new Date('2026-12-01T08:30:00Z'), firstState: 'running' },
    { name: 'weekend skipped: Friday 16:00 + 2h is Monday 10:00', events: [created(4 * 24 + 7)], policies: [policy('medium', 2, 8, { calendar: berlin })], now: 5 * 24, state: 'running', firstDue: new Date('2026-12-07T09:00:00Z'), firstState: 'running' },
  ])('$name', ({ events, policies, now, state, firstDue, firstState }) => {
    const result = computeSla(events, policies, t(now));
    expect(result.state).toBe(state);
    expect(iso(result.firstResponse?.dueAt)).toBe(iso(firstDue));
    expect(result.firstResponse?.state ?? null).toBe(firstState);
  });

  it('Given a closed ticket re-opened, resolution resumes from the time already used', () => {
    const events = [created(), reply(0.1), status(1, 'closed'), status(10, 'open')];
    const closed = computeSla(events, [medium], t(5));
    expect(closed.resolution).toMatchObject({ state: 'met', elapsedSeconds: 3600 });
    const reopened = computeSla(events, [medium], t(12));
    expect(reopened.resolution).toMatchObject({ state: 'running', elapsedSeconds: 3 * 3600, remainingSeconds: 5 * 3600 });
    expect(iso(reopened.resolution!.dueAt)).toBe(iso(t(17)));
    expect(reopened.steps.map((s) => s.text).join('\n')).toMatch(/Re-opened/);
  });

  it('Given a pause and a weekend, the steps say each and the due time', () => {
    // Friday 16:00 Berlin, pending 16:15–16:30, then the weekend; evaluated Monday 09:30 Berlin.
    const events = [created(4 * 24 + 7), status(4 * 24 + 7.25, 'pending'), status(4 * 24 + 7.5, 'open')];
    const result = computeSla(events, [policy('medium', 2, 8, { calendar: berlin })], t(7 * 24 + 0.5));
    const text = result.steps.map((s) => s.text).join('\n');
    expect(text).toMatch(/Paused: status pending/);
    expect(text).toMatch(/Resumed/);
    expect(text).toMatch(/outside business hours skipped/);
    // 15 + 30 min on Friday, then Monday from 09:00 Berlin 1h15 more.
    expect(iso(result.firstResponse!.dueAt)).toBe('2026-12-07T09:15:00.000Z');
    expect(result.firstResponse!.remainingSeconds).toBe(45 * 60);
  });

  it('Given the warn percentage, the warning time is that share of the target', () => {
    const result = computeSla([created()], [medium], t(0.1), { warnPercent: 50 });
    expect(iso(result.firstResponse!.warnAt)).toBe(iso(t(0.5)));
  });

  it('Property: pausing never makes a ticket breach earlier', () => {
    const arbitrary = fc.record({
      calendar: fc.boolean(),
      firstHours: fc.integer({ min: 1, max: 40 }),
      resolutionHours: fc.integer({ min: 1, max: 200 }),
      replyAt: fc.option(fc.integer({ min: 1, max: 400 }), { nil: null }),
      pauseStart: fc.integer({ min: 0, max: 300 }),
      pauseLength: fc.integer({ min: 1, max: 120 }),
      now: fc.integer({ min: 1, max: 600 }),
    });
    fc.assert(
      fc.property(arbitrary, (c) => {
        const policies = [policy('medium', c.firstHours, c.resolutionHours, { calendar: c.calendar ? berlin : null })];
        const base: SlaEvent[] = [created(), ...(c.replyAt === null ? [] : [reply(c.replyAt)])];
        const paused: SlaEvent[] = [...base, status(c.pauseStart + 0.5, 'pending'), status(c.pauseStart + 0.5 + c.pauseLength, 'open')];
        const a = computeSla(base, policies, t(c.now));
        const b = computeSla(paused, policies, t(c.now));
        for (const key of ['firstResponse', 'resolution'] as const) {
          const before = a[key]!.breachedAt;
          const after = b[key]!.breachedAt;
          if (after !== null) expect(before === null ? Infinity : before.getTime()).toBeLessThanOrEqual(after.getTime());
        }
      }),
      { numRuns: 200 },
    );
  });
});
