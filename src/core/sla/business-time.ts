/**
 * Business time on a calendar: an IANA time zone, weekly opening hours per weekday and holidays.
 * Pure functions over instants; wall-clock conversion goes through Intl, so daylight-saving changes
 * are the time zone database's, not ours. A null calendar means around the clock.
 */

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening range on a weekday, wall-clock `HH:MM`; `end` may be `24:00`. */
export interface OpeningRange {
  start: string;
  end: string;
}

export interface BusinessCalendar {
  timeZone: string;
  hours: Partial<Record<Weekday, OpeningRange[]>>;
  /** Local dates (`YYYY-MM-DD`) the desk is closed all day. */
  holidays: string[];
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', weekday: 'short' });
    formatters.set(timeZone, f);
  }
  return f;
}

/** True when Intl knows the zone (`Europe/Berlin`, `UTC`). */
export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(ms: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(ms))) parts[p.type] = p.value;
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day), hour: Number(parts.hour), minute: Number(parts.minute), second: Number(parts.second) };
}

/** Milliseconds the zone is ahead of UTC at `ms`. */
function offsetAt(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(ms / 1000) * 1000;
}

/** The instant a local wall-clock time happens; a time skipped by a DST jump maps past the jump. */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const asUtc = Date.UTC(y, m - 1, d, hh, mm);
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}

/** The local date (`YYYY-MM-DD`) of an instant in a zone. */
export function localDate(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${w.year}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')}`;
}

const nextDate = (date: string): string => new Date(Date.parse(`${date}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
const weekdayOf = (date: string): Weekday => WEEKDAYS[(new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7]!;

/** The open intervals of one local date, as instants, in order. */
export function openIntervals(calendar: BusinessCalendar, date: string): [number, number][] {
  if (calendar.holidays.includes(date)) return [];
  const ranges = [...(calendar.hours[weekdayOf(date)] ?? [])].sort((a, b) => a.start.localeCompare(b.start));
  return ranges.map((r) => [
    zonedTimeToInstant(date, r.start, calendar.timeZone),
    r.end === '24:00' ? zonedTimeToInstant(nextDate(date), '00:00', calendar.timeZone) : zonedTimeToInstant(date, r.end, calendar.timeZone),
  ]);
}

/** How far the walk looks ahead for open hours before deciding the calendar never opens. */
const MAX_DAYS = 3 * 366;

/**
 * Business milliseconds in [from, to). Without a calendar, wall time. Also returns the closed time
 * skipped, for explanations.
 */
export function businessMsBetween(calendar: BusinessCalendar | null, from: number, to: number): number {
  if (to <= from) return 0;
  if (!calendar) return to - from;
  let total = 0;
  // Start a day early: a range that began on the previous local date may still be open.
  let date = localDate(from - DAY_MS, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS + 2; i++) {
    const intervals = openIntervals(calendar, date);
    for (const [s, e] of intervals) total += Math.max(0, Math.min(e, to) - Math.max(s, from));
    if (zonedTimeToInstant(date, '00:00', calendar.timeZone) > to) break;
    date = nextDate(date);
  }
  return total;
}

/** The instant `amount` business milliseconds after `from` (from itself when amount is 0). */
export function addBusinessMs(calendar: BusinessCalendar | null, from: number, amount: number): number {
  if (!calendar) return from + amount;
  let left = amount;
  let date = localDate(from - DAY_MS, calendar.timeZone);
  for (let i = 0; i < MAX_DAYS + 2; i++) {
    for (const [s, e] of openIntervals(calendar, date)) {
      const start = Math.max(s, from);
      if (e <= start) continue;
      if (left <= e - start) return start + left;
      left -= e - start;
    }
    date = nextDate(date);
  }
  throw new RangeError('the calendar has no open hours within three years');
}
