import { describe, expect, it } from 'vitest';
import { addBusinessMs, businessMsBetween, isValidTimeZone, type BusinessCalendar } from './business-time.js';

const H = 3_600_000;
const weekdays = (timeZone: string, holidays: string[] = []): BusinessCalendar => {
  const day = [{ start: '09:00', end: '17:00' }];
  return { timeZone, hours: { mon: day, tue: day, wed: day, thu: day, fri: day }, holidays };
};
const everyDay = (timeZone: string, start = '09:00', end = '17:00'): BusinessCalendar => {
  const day = [{ start, end }];
  return { timeZone, hours: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }, holidays: [] };
};
const at = (iso: string) => Date.parse(iso);

describe('business time', () => {
  it.each([
    ['a weekend is skipped (Berlin, Fri 16:00 + 4h)', weekdays('Europe/Berlin'), '2026-11-27T15:00:00Z', 4, '2026-11-30T11:00:00Z'],
    ['a holiday and a weekend are skipped (Berlin, Christmas)', weekdays('Europe/Berlin', ['2026-12-25']), '2026-12-24T15:00:00Z', 4, '2026-12-28T11:00:00Z'],
    ['DST ends overnight (Berlin, Oct 25 2026)', everyDay('Europe/Berlin'), '2026-10-24T14:00:00Z', 2, '2026-10-25T09:00:00Z'],
    ['DST ends over a weekend (New York, Nov 1 2026)', weekdays('America/New_York'), '2026-10-30T20:00:00Z', 2, '2026-11-02T15:00:00Z'],
    ['DST starts overnight (New York, Mar 8 2026)', everyDay('America/New_York'), '2026-03-07T21:00:00Z', 2, '2026-03-08T14:00:00Z'],
    ['before opening starts at opening (Tokyo, no DST)', weekdays('Asia/Tokyo'), '2026-11-30T22:00:00Z', 1, '2026-12-01T01:00:00Z'],
    ['around the clock without a calendar', null, '2026-11-28T10:00:00Z', 30, '2026-11-29T16:00:00Z'],
  ])('Given %s, the due time is right', (_name, calendar, from, hours, due) => {
    expect(new Date(addBusinessMs(calendar, at(from), hours * H)).toISOString()).toBe(new Date(due).toISOString());
  });

  it.each([
    ['Berlin, spring forward (23-hour Sunday)', 'Europe/Berlin', '2026-03-28T23:00:00Z', '2026-03-29T22:00:00Z', 23],
    ['Berlin, fall back (25-hour Sunday)', 'Europe/Berlin', '2026-10-24T22:00:00Z', '2026-10-25T23:00:00Z', 25],
    ['New York, spring forward', 'America/New_York', '2026-03-08T05:00:00Z', '2026-03-09T04:00:00Z', 23],
  ])('Given a calendar open all day in %s, the day has the right business hours', (_name, zone, from, to, hours) => {
    expect(businessMsBetween(everyDay(zone, '00:00', '24:00'), at(from), at(to))).toBe(hours * H);
  });

  it('Given an interval over a weekend, only weekday hours count', () => {
    expect(businessMsBetween(weekdays('Europe/Berlin'), at('2026-11-27T15:00:00Z'), at('2026-11-30T09:00:00Z'))).toBe(2 * H);
  });

  it('knows IANA zones', () => {
    expect(isValidTimeZone('Europe/Berlin')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
