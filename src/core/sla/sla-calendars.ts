import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { isUniqueViolation } from '../tickets/tags.js';
import { parseInput } from '../validation.js';
import { recordRulesChange } from './ticket-sla-store.js';
import { holidaysSchema, hoursSchema, nameSchema, rowToCalendar, timeZoneSchema, type SlaCalendar } from './sla-schemas.js';

/** The business calendars SLA policies count time on (`nexus sla calendars …`, `/v1/sla-calendars`). */

export const createCalendarInput = z.object({ name: nameSchema, timeZone: timeZoneSchema, hours: hoursSchema, holidays: holidaysSchema.default([]) });
export type CreateCalendarInput = z.input<typeof createCalendarInput>;
export const updateCalendarInput = z.object({
  calendar: nameSchema,
  name: nameSchema.optional(),
  timeZone: timeZoneSchema.optional(),
  hours: hoursSchema.optional(),
  holidays: holidaysSchema.optional(),
});
export type UpdateCalendarInput = z.input<typeof updateCalendarInput>;

const calendarExists = (name: string) => new NexusError('ALREADY_EXISTS', `A calendar named "${name}" already exists`);
export const calendarNotFound = (name: string) => new NexusError('NOT_FOUND', `No SLA calendar "${name}"`, { hint: 'List calendars with `nexus sla calendars list`.' });

export async function listCalendars(deps: Deps, actor: Actor): Promise<{ items: SlaCalendar[]; nextCursor: null }> {
  authorize(actor, 'sla.view');
  const rows = await deps.db.selectFrom('sla_calendars').selectAll().orderBy('name').execute();
  return { items: rows.map(rowToCalendar), nextCursor: null };
}

export async function createCalendar(deps: Deps, actor: Actor, input: CreateCalendarInput): Promise<SlaCalendar> {
  authorize(actor, 'sla.manage');
  const data = parseInput(createCalendarInput, input);
  const now = deps.clock.now();
  try {
    const row = await deps.db
      .insertInto('sla_calendars')
      .values({ name: data.name, time_zone: data.timeZone, hours: JSON.stringify(data.hours), holidays: JSON.stringify(data.holidays), created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToCalendar(row);
  } catch (error) {
    if (isUniqueViolation(error)) throw calendarExists(data.name);
    throw error;
  }
}

export async function updateCalendar(deps: Deps, actor: Actor, input: UpdateCalendarInput): Promise<SlaCalendar> {
  authorize(actor, 'sla.manage');
  const data = parseInput(updateCalendarInput, input);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const now = deps.clock.now();
      const row = await trx
        .updateTable('sla_calendars')
        .set({
          ...(data.name !== undefined && { name: data.name }),
          ...(data.timeZone !== undefined && { time_zone: data.timeZone }),
          ...(data.hours !== undefined && { hours: JSON.stringify(data.hours) }),
          ...(data.holidays !== undefined && { holidays: JSON.stringify(data.holidays) }),
          updated_at: now,
        })
        .where((eb) => eb(eb.fn('lower', ['name']), '=', data.calendar.toLowerCase()))
        .returningAll()
        .executeTakeFirst();
      if (!row) throw calendarNotFound(data.calendar);
      await recordRulesChange(trx, now);
      return rowToCalendar(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw calendarExists(data.name ?? data.calendar);
    throw error;
  }
}

export async function removeCalendar(deps: Deps, actor: Actor, input: { calendar: string }): Promise<SlaCalendar> {
  authorize(actor, 'sla.manage');
  const { calendar } = parseInput(z.object({ calendar: nameSchema }), input);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('sla_calendars').selectAll().where((eb) => eb(eb.fn('lower', ['name']), '=', calendar.toLowerCase())).forUpdate().executeTakeFirst();
    if (!row) throw calendarNotFound(calendar);
    const used = await trx.selectFrom('sla_policies').select('name').where('calendar_id', '=', row.id).execute();
    if (used.length) {
      throw new NexusError('CONFLICT', `The calendar "${row.name}" is used by ${used.map((u) => `"${u.name}"`).join(', ')}`, { hint: 'Move those policies to another calendar first.' });
    }
    await trx.deleteFrom('sla_calendars').where('id', '=', row.id).execute();
    return rowToCalendar(row);
  });
}
