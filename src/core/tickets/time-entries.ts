import { z } from 'zod';
import type { TimeEntryType } from '../db/schema.js';
import type { Person } from './ticket.js';

export const TIME_ENTRY_TYPES = ['work', 'waiting', 'research', 'communication', 'other'] as const satisfies readonly TimeEntryType[];

/** One entry of logged time (JSON, API). */
export interface TimeEntry {
  id: string;
  minutes: number;
  type: TimeEntryType;
  billable: boolean;
  /** Null when none was given. */
  description: string | null;
  user: Person | null;
  createdAt: string;
}

export interface TimeTotals {
  totalMinutes: number;
  billableMinutes: number;
}

export const minutesSchema = z.coerce
  .number({ message: 'must be a number of minutes' })
  .int('must be whole minutes')
  .positive('must be more than 0')
  .max(24 * 60, 'must be at most 1440 (24 hours) per entry');

export const timeEntryTypeSchema = z.enum(TIME_ENTRY_TYPES, { message: `must be one of ${TIME_ENTRY_TYPES.join(', ')}` });
