import { describe, expect, it } from 'vitest';
import { addBusinessMs, businessMsBetween, localDate, openIntervals, zonedTimeToInstant, type BusinessCalendar } from './business-time.js';

// Issue 15: business-time rules that business-time.test.ts did not decide; each case fails when its
// rule is changed by hand (ranges taken out of order, a due time at closing moved to the next day, …).
const H = 3_600_000;
const at = (iso: string) => Date.parse(iso);
const iso = (ms: number) => new Date(ms).toISOString();
const berlinWeekdays = (day: { start: string; end: string }[]): BusinessCalendar => ({ timeZone: 'Europe/Berlin', hours: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidays: [] });

describe('business time: the rules the mutation run found undecided', () => {
  it('walks a day with a lunch break in time order, whatever order the ranges were given in', () => {
    const calendar = berlinWeekdays([
      { start: '13:00', end: '17:00' },
      { start: '09:00', end: '12:00' },
    ]);
    // Monday 30 November 2026, 09:00 Berlin (08:00 UTC).
    expect(iso(addBusinessMs(calendar, at('2026-11-30T08:00:00Z'), 1 * H))).toBe('2026-11-30T09:00:00.000Z');
    expect(iso(addBusinessMs(calendar, at('2026-11-30T08:00:00Z'), 4 * H))).toBe('2026-11-30T13:00:00.000Z');
    expect(openIntervals(calendar, '2026-11-30').map(([s, e]) => [iso(s), iso(e)])).toEqual([
      ['2026-11-30T08:00:00.000Z', '2026-11-30T11:00:00.000Z'],
      ['2026-11-30T12:00:00.000Z', '2026-11-30T16:00:00.000Z'],
    ]);
    expect(businessMsBetween(calendar, at('2026-11-30T08:00:00Z'), at('2026-11-30T16:00:00Z'))).toBe(7 * H);
  });

  it('is due at closing time when the hours run out exactly then, not at the next opening', () => {
    const calendar = berlinWeekdays([{ start: '09:00', end: '17:00' }]);
    expect(iso(addBusinessMs(calendar, at('2026-11-30T08:00:00Z'), 8 * H))).toBe('2026-11-30T16:00:00.000Z');
  });

  it('counts nothing for an empty or backwards interval, and gives up on a calendar that never opens', () => {
    const calendar = berlinWeekdays([{ start: '09:00', end: '17:00' }]);
    expect(businessMsBetween(calendar, at('2026-11-30T10:00:00Z'), at('2026-11-30T09:00:00Z'))).toBe(0);
    expect(businessMsBetween(null, at('2026-11-30T10:00:00Z'), at('2026-11-30T09:00:00Z'))).toBe(0);
    const never: BusinessCalendar = { timeZone: 'UTC', hours: {}, holidays: [] };
    expect(businessMsBetween(never, at('2026-11-30T00:00:00Z'), at('2026-12-30T00:00:00Z'))).toBe(0);
    expect(() => addBusinessMs(never, at('2026-11-30T00:00:00Z'), H)).toThrow(new RangeError('the calendar has no open hours within three years'));
  });

  it('closes all day on a holiday, by the local date of the zone', () => {
    const calendar: BusinessCalendar = { ...berlinWeekdays([{ start: '00:00', end: '24:00' }]), holidays: ['2026-01-01'] };
    // 1 January 2026 is a Thursday; Berlin's local day runs 31 Dec 23:00 UTC to 1 Jan 23:00 UTC.
    expect(openIntervals(calendar, '2026-01-01')).toEqual([]);
    expect(businessMsBetween(calendar, at('2025-12-31T22:00:00Z'), at('2026-01-02T00:00:00Z'))).toBe(2 * H);
  });

  it('gives local dates with two-digit months and days', () => {
    expect(localDate(at('2026-03-07T23:30:00Z'), 'Europe/Berlin')).toBe('2026-03-08');
    expect(localDate(at('2026-03-08T04:30:00Z'), 'America/New_York')).toBe('2026-03-07');
  });

  it('maps a wall-clock time skipped by a DST jump past the jump', () => {
    // Berlin, 29 March 2026: 02:00 jumps to 03:00 (00:00 UTC is 01:00 local, 01:00 UTC is 03:00 local).
    expect(iso(zonedTimeToInstant('2026-03-29', '01:30', 'Europe/Berlin'))).toBe('2026-03-29T00:30:00.000Z');
    expect(iso(zonedTimeToInstant('2026-03-29', '03:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedTimeToInstant('2026-03-29', '02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
  });
});
