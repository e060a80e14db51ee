import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from './business-time.js';
import { computeSla, formatDuration, type SlaEvent, type SlaPolicyRule } from './sla-clock.js';

// Issue 15: SLA clock rules that sla-clock.test.ts did not decide; each case fails when its rule is
// changed by hand (a future event counted, a repeated status announced twice, the default warning
// share lost, the overall due time taken from the wrong target, …).
const H = 3_600_000;
const T0 = Date.parse('2026-11-30T08:00:00Z'); // a Monday
const t = (hours: number) => new Date(T0 + hours * H);
const iso = (d: Date | null | undefined) => (d ? d.toISOString() : null);
const day = [{ start: '09:00', end: '17:00' }];
const berlin: BusinessCalendar & { name: string } = { name: 'Berlin office', timeZone: 'Europe/Berlin', hours: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidays: [] };
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
const medium = policy('medium', 1, 8);
const created = (hours = 0): SlaEvent => ({ type: 'created', at: t(hours), status: 'open', priority: 'medium' });
const status = (hours: number, s: 'open' | 'pending' | 'closed'): SlaEvent => ({ type: 'status', at: t(hours), status: s });
const reply = (hours: number, by: 'human' | 'ai' = 'human'): SlaEvent => ({ type: 'response', at: t(hours), by });
const texts = (events: SlaEvent[], now: number, policies = [medium]) => computeSla(events, policies, t(now)).steps.map((s) => s.text);

describe('SLA clock: the rules the mutation run found undecided', () => {
  it.each([
    [0, '0m'],
    [59 * 60, '59m'],
    [3600, '1h'],
    [86_400 + 3600 + 60, '1d 1h 1m'],
    [86_400 + 120, '1d 2m'],
    [2 * 86_400, '2d'],
  ])('formats %i seconds as "%s"', (seconds, text) => {
    expect(formatDuration(seconds)).toBe(text);
  });

  it('has no SLA without a creation event, and says so', () => {
    expect(computeSla([reply(1)], [medium], t(2))).toEqual({ state: 'none', policy: null, firstResponse: null, resolution: null, dueAt: null, steps: [{ at: t(2), text: 'No creation event: the ticket has no SLA.' }] });
  });

  it('ignores events after now', () => {
    const result = computeSla([created(), reply(2)], [medium], t(0.5));
    expect(result.firstResponse).toMatchObject({ state: 'running', metAt: null, elapsedSeconds: 1800, remainingSeconds: 1800 });
  });

  it('names the policy and its calendar', () => {
    expect(computeSla([created()], [medium], t(0.5)).policy).toEqual({ id: 'p-medium', name: 'medium', priority: 'medium', calendar: null });
    expect(computeSla([created()], [policy('medium', 1, 8, { calendar: berlin })], t(0.5)).policy?.calendar).toBe('Berlin office');
  });

  it('warns at 80 % of a target by default, and not while paused', () => {
    expect(iso(computeSla([created()], [medium], t(0.1)).firstResponse!.warnAt)).toBe(iso(t(0.8)));
    expect(computeSla([created(), status(0.2, 'pending')], [medium], t(0.3)).firstResponse).toMatchObject({ state: 'paused', warnAt: null, dueAt: null });
  });

  it('warns from the change when a new priority puts the time already used past its warning share', () => {
    const urgent = policy('urgent', 0.6, 4);
    const result = computeSla([created(), { type: 'priority', at: t(0.5), priority: 'urgent' }], [medium, urgent], t(0.55));
    expect(result.firstResponse).toMatchObject({ state: 'running', warnAt: t(0.5), dueAt: t(0.6) });
  });

  it('takes the overall due time from the earliest running target', () => {
    expect(iso(computeSla([created()], [medium], t(0.5)).dueAt)).toBe(iso(t(1)));
    expect(iso(computeSla([created(), reply(0.5)], [medium], t(2)).dueAt)).toBe(iso(t(8)));
  });

  it('counts each span and ends with the state of each target', () => {
    expect(texts([created(), reply(0.5)], 2)).toEqual([
      'Created with priority medium: policy "medium" — first response 1h, resolution 8h, around the clock.',
      'Counted 30m of business time until 2026-11-30T08:30:00.000Z.',
      'First human reply after 30m of business time: first response met.',
      'Counted 1h 30m of business time until 2026-11-30T10:00:00.000Z.',
      'First response: met, due 2026-11-30T09:00:00.000Z.',
      'Resolution: running, due 2026-11-30T16:00:00.000Z, 6h of business time left.',
    ]);
  });

  it('says when the first reply came late, and keeps the whole time used', () => {
    const result = computeSla([created(), reply(2)], [medium], t(3));
    expect(result.steps.map((s) => s.text)).toContain('First human reply after 2h of business time: first response came after its due time.');
    expect(result.steps.map((s) => s.text)).toContain('The first response target was breached (1h of business time used).');
    expect(result.firstResponse).toMatchObject({ state: 'breached', breachedAt: t(1), elapsedSeconds: 7200, remainingSeconds: 0 });
  });

  it('says whether an AI reply counted', () => {
    expect(texts([created(), reply(0.5, 'ai')], 0.6)).toContain('AI reply: does not count as the first response under this policy.');
    expect(texts([created(), reply(0.5, 'ai')], 0.6, [policy('medium', 1, 8, { aiCountsAsFirstResponse: true })])).toContain('First AI reply after 30m of business time: first response met.');
  });

  it('meets both targets when a ticket is closed before any reply', () => {
    const result = computeSla([created(), status(0.5, 'closed')], [medium], t(3));
    expect(result.steps.map((s) => s.text)).toEqual(expect.arrayContaining(['Closed: resolution met.', 'Closed before any reply: the first-response clock stops.']));
    expect(result).toMatchObject({ state: 'met', dueAt: null });
    expect(result.firstResponse).toMatchObject({ state: 'met', metAt: t(0.5), breachedAt: null });
  });

  it('reports a ticket closed after its resolution was due as breached at the due time, in time order', () => {
    const result = computeSla([created(), reply(0.5), status(10, 'closed')], [medium], t(12));
    const text = result.steps.map((s) => s.text);
    expect(text).toContain('Closed: resolution came after its due time.');
    expect(text).toContain('The resolution target was breached (8h of business time used).');
    expect(result).toMatchObject({ state: 'breached', dueAt: t(8) });
    expect(result.resolution).toMatchObject({ state: 'breached', breachedAt: t(8), metAt: t(10), elapsedSeconds: 10 * 3600, remainingSeconds: 0 });
    const times = result.steps.map((s) => s.at.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('announces a pause once, and a repeated priority not at all', () => {
    const events: SlaEvent[] = [created(), status(0.2, 'pending'), status(0.4, 'pending'), { type: 'priority', at: t(0.6), priority: 'medium' }];
    const text = texts(events, 1);
    expect(text.filter((s) => s.startsWith('Paused'))).toEqual(['Paused: status pending.']);
    expect(text.filter((s) => s.startsWith('Priority changed'))).toEqual([]);
  });

  it('refuses an event it does not know', () => {
    expect(() => computeSla([created(), { type: 'merged', at: t(0.1) } as never], [medium], t(1))).toThrow('unhandled SLA event');
  });
});
