import { Command } from 'commander';
import type { SlaCalendar } from '../../core/sla/sla-schemas.js';
import type { CliContext } from '../context.js';
import { withFlagNames } from '../flag-names.js';
import { presentList, withListOptions, type ListFlags } from '../list-output.js';
import { present } from '../output.js';

const FLAGS = { name: '--name', timeZone: '--time-zone', hours: '--hours', holidays: '--holidays', calendar: '<calendar>' };

const hoursText = (c: SlaCalendar) =>
  Object.entries(c.hours)
    .filter(([, ranges]) => ranges.length)
    .map(([day, ranges]) => `${day} ${ranges.map((r) => `${r.start}-${r.end}`).join(',')}`)
    .join('; ');

interface CalendarFlags {
  name?: string;
  timeZone?: string;
  hours?: string;
  holidays?: string;
  json?: boolean;
}

/** `nexus sla calendars list|create|update|remove`: business hours SLA time is counted in. */
export function calendarsCommand(ctx: CliContext): Command {
  const calendars = new Command('calendars').description('Business calendars: IANA time zone, weekly hours, holidays');
  calendars.addCommand(
    withListOptions(new Command('list').description('List the business calendars'), 'calendars')
      .addHelpText('after', '\nExamples:\n  $ nexus sla calendars list --json\n  $ nexus sla calendars list --format csv')
      .action(async (flags: ListFlags) =>
        presentList(ctx, flags, await (await ctx.services()).sla.calendars.list(await ctx.actor()), {
          empty: 'No calendars: SLA time counts around the clock.',
          columns: [
            { header: 'name', value: (c) => c.name },
            { header: 'time zone', value: (c) => c.timeZone },
            { header: 'hours', value: hoursText },
            { header: 'holidays', value: (c) => c.holidays.join(', ') || null },
          ],
        }),
      ),
  );
  calendars.addCommand(
    new Command('create')
      .description('Add a business calendar (admin)')
      .argument('<name>', 'calendar name')
      .requiredOption('--time-zone <zone>', 'IANA time zone, e.g. Europe/Berlin')
      .requiredOption('--hours <hours>', 'weekly hours, e.g. "mon-fri 09:00-17:00; sat 10:00-14:00"')
      .option('--holidays <dates>', 'closed dates, comma-separated YYYY-MM-DD')
      .option('--json', 'print the calendar as JSON')
      .addHelpText('after', '\nExamples:\n  $ nexus sla calendars create "Berlin office" --time-zone Europe/Berlin --hours "mon-fri 09:00-17:00" --holidays 2026-12-25,2026-12-26')
      .action(async (name: string, flags: CalendarFlags) => {
        const actor = await ctx.actor();
        const result = await withFlagNames((await ctx.services()).sla.calendars.create(actor, { name, timeZone: flags.timeZone!, hours: flags.hours, holidays: flags.holidays }), FLAGS);
        present(ctx, flags, result, (c) => `✓ Created calendar ${c.name} (${c.timeZone}: ${hoursText(c)})`);
      }),
  );
  calendars.addCommand(
    new Command('update')
      .description('Change a business calendar (admin); open tickets are evaluated again, closed ones keep their outcome')
      .addHelpText('after', '\nExamples:\n  $ nexus sla calendars update "Berlin office" --holidays 2026-12-24,2026-12-25')
      .argument('<calendar>', 'calendar name')
      .option('--name <name>', 'new name')
      .option('--time-zone <zone>', 'IANA time zone')
      .option('--hours <hours>', 'weekly hours, e.g. "mon-fri 09:00-17:00"')
      .option('--holidays <dates>', 'closed dates, comma-separated YYYY-MM-DD (replaces the list)')
      .option('--json', 'print the calendar as JSON')
      .action(async (calendar: string, flags: CalendarFlags) => {
        const actor = await ctx.actor();
        const result = await withFlagNames((await ctx.services()).sla.calendars.update(actor, { calendar, name: flags.name, timeZone: flags.timeZone, hours: flags.hours, holidays: flags.holidays }), FLAGS);
        present(ctx, flags, result, (c) => `✓ Updated calendar ${c.name}`);
      }),
  );
  calendars.addCommand(
    new Command('remove')
      .description('Remove a calendar no policy uses (admin)')
      .addHelpText('after', '\nExamples:\n  $ nexus sla calendars remove "Berlin office"')
      .argument('<calendar>', 'calendar name')
      .option('--json', 'print the removed calendar as JSON')
      .action(async (calendar: string, flags: { json?: boolean }) => {
        const removed = await (await ctx.services()).sla.calendars.remove(await ctx.actor(), { calendar });
        present(ctx, flags, removed, (c) => `✓ Removed calendar ${c.name}`);
      }),
  );
  return calendars;
}
