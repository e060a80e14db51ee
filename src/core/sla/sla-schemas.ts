import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { SlaCalendarsTable, SlaPoliciesTable, TicketStatus } from '../db/schema.js';
import { TICKET_PRIORITIES } from '../tickets/ticket.js';
import { isValidTimeZone, WEEKDAYS, type OpeningRange, type Weekday } from './business-time.js';

/** A calendar as the JSON contract shows it: every weekday present (closed days are `[]`). */
export interface SlaCalendar {
  id: string;
  name: string;
  timeZone: string;
  hours: Record<Weekday, OpeningRange[]>;
  holidays: string[];
  createdAt: string;
  updatedAt: string;
}

export interface SlaPolicy {
  id: string;
  name: string;
  priority: (typeof TICKET_PRIORITIES)[number];
  firstResponseSeconds: number;
  resolutionSeconds: number;
  calendar: { id: string; name: string } | null;
  pauseStatuses: TicketStatus[];
  aiCountsAsFirstResponse: boolean;
  warnPercent: number;
  createdAt: string;
  updatedAt: string;
}

const TIME = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

export const nameSchema = z.string({ message: 'is required' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

const rangeSchema = z.object({
  start: z.string().regex(TIME, 'must be a time HH:MM, e.g. 09:00'),
  end: z.string().regex(TIME, 'must be a time HH:MM, e.g. 17:00 (24:00 for midnight)'),
});

const DAY_ALIASES: Record<string, Weekday[]> = Object.fromEntries(WEEKDAYS.map((d) => [d, [d]]));

/** `mon-fri 09:00-17:00; sat 10:00-14:00` → the structured form (the CLI's and a convenience for the API). */
export function parseHoursText(text: string): Record<string, { start: string; end: string }[]> | string {
  const out: Record<string, { start: string; end: string }[]> = {};
  for (const part of text.split(/[;\n]/).map((p) => p.trim()).filter(Boolean)) {
    const m = /^([a-z]{3})(?:-([a-z]{3}))?\s+(\S+?)-(\S+)$/i.exec(part);
    if (!m) return `"${part}" is not like "mon-fri 09:00-17:00"`;
    const from = WEEKDAYS.indexOf(m[1]!.toLowerCase() as Weekday);
    const to = m[2] ? WEEKDAYS.indexOf(m[2].toLowerCase() as Weekday) : from;
    if (from < 0 || to < 0 || to < from) return `"${part}" names days other than mon … sun in order`;
    for (const day of WEEKDAYS.slice(from, to + 1)) (out[day] ??= []).push({ start: m[3]!, end: m[4]! });
  }
  return out;
}

export const hoursSchema = z
  .preprocess(
    (v, ctx) => {
      if (typeof v !== 'string') return v;
      const parsed = parseHoursText(v);
      if (typeof parsed !== 'string') return parsed;
      ctx.addIssue({ code: 'custom', message: parsed });
      return z.NEVER;
    },
    z.record(z.string(), z.array(rangeSchema), { message: 'must be opening hours per weekday, e.g. "mon-fri 09:00-17:00"' }),
  )
  .superRefine((hours, ctx) => {
    let open = 0;
    for (const [day, ranges] of Object.entries(hours)) {
      if (!(day in DAY_ALIASES)) {
        ctx.addIssue({ code: 'custom', path: [day], message: 'is not a weekday (mon … sun)' });
        continue;
      }
      const sorted = ranges.map((r, i) => ({ ...r, i })).sort((a, b) => minutes(a.start) - minutes(b.start));
      sorted.forEach((r, k) => {
        if (minutes(r.end) <= minutes(r.start)) ctx.addIssue({ code: 'custom', path: [day, r.i, 'end'], message: `must be after the start (${r.start})` });
        else open++;
        const next = sorted[k + 1];
        if (next && minutes(next.start) < minutes(r.end)) ctx.addIssue({ code: 'custom', path: [day, next.i, 'start'], message: `overlaps ${r.start}-${r.end}` });
      });
    }
    if (open === 0) ctx.addIssue({ code: 'custom', path: [], message: 'must open at least once a week' });
  })
  .transform((hours) => Object.fromEntries(WEEKDAYS.map((d) => [d, [...(hours[d] ?? [])].sort((a, b) => minutes(a.start) - minutes(b.start))])) as Record<Weekday, OpeningRange[]>);

export const timeZoneSchema = z
  .string({ message: 'is required' })
  .trim()
  .refine((zone) => isValidTimeZone(zone), { message: 'is not a known IANA time zone, e.g. Europe/Berlin' });

export const holidaysSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
  z.array(
    z.string().refine((d) => /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d, {
      message: 'must be a date YYYY-MM-DD',
    }),
  ),
);

const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800 };

/** A target: seconds, or text like `4h`, `30m`, `1d 4h`. Zero and negative targets are refused. */
export const durationSchema = z.preprocess(
  (v) => {
    if (typeof v !== 'string') return v;
    const text = v.trim();
    if (/^-?\d+(\.\d+)?$/.test(text)) return Number(text);
    const parts = [...text.matchAll(/(-?\d+)\s*([smhdw])/gi)];
    if (!parts.length || parts.map((p) => p[0]).join('').replace(/\s/g, '') !== text.replace(/\s/g, '')) return v;
    return parts.reduce((sum, p) => sum + Number(p[1]) * UNITS[p[2]!.toLowerCase()]!, 0);
  },
  z
    .number({ message: 'must be a duration like 4h, 30m or 2d' })
    .int('must be whole seconds')
    .positive('must be a positive duration, e.g. 4h')
    .max(366 * 86400, 'must be at most a year'),
);

export const pauseStatusesSchema = z.preprocess(
  (v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v),
  z.array(z.enum(['open', 'pending', 'escalated', 'assigned'], { message: 'must be statuses among open, pending, escalated, assigned' })),
);

export function rowToCalendar(row: Selectable<SlaCalendarsTable>): SlaCalendar {
  return {
    id: row.id,
    name: row.name,
    timeZone: row.time_zone,
    hours: Object.fromEntries(WEEKDAYS.map((d) => [d, row.hours[d] ?? []])) as Record<Weekday, OpeningRange[]>,
    holidays: row.holidays,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}

export function rowToPolicy(row: Selectable<SlaPoliciesTable>, calendar: { id: string; name: string } | null): SlaPolicy {
  return {
    id: row.id,
    name: row.name,
    priority: row.priority,
    firstResponseSeconds: row.first_response_seconds,
    resolutionSeconds: row.resolution_seconds,
    calendar,
    pauseStatuses: row.pause_statuses,
    aiCountsAsFirstResponse: row.ai_counts_as_first_response,
    warnPercent: row.warn_percent,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
}
