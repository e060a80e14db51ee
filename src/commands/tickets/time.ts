import { Command, Option } from 'commander';
import { NexusError } from '../../core/errors.js';
import { TIME_ENTRY_TYPES, type TimeEntry, type TimeTotals } from '../../core/tickets/time-entries.js';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';
import { ticketNumber } from './present-ticket.js';
import { formatTime } from '../time-format.js';

const hours = (minutes: number): string => `${Math.floor(minutes / 60)}h ${String(minutes % 60).padStart(2, '0')}m`;
const totalsLine = (t: TimeTotals): string => `total ${hours(t.totalMinutes)} · billable ${hours(t.billableMinutes)}`;

const entriesTable = (entries: TimeEntry[], width?: number): string =>
  entries.length === 0
    ? 'No time logged.'
    : renderTable(
        entries,
        [
          { header: 'logged', value: (e) => formatTime(e.createdAt) },
          { header: 'by', value: (e) => e.user?.email },
          { header: 'minutes', value: (e) => e.minutes },
          { header: 'type', value: (e) => e.type },
          { header: 'billable', value: (e) => (e.billable ? 'yes' : 'no') },
          { header: 'description', value: (e) => e.description },
        ],
        width,
      );

interface TimeFlags {
  minutes?: string;
  type: string;
  billable?: boolean;
  description?: string;
  list?: boolean;
  json?: boolean;
}

export function timeCommand(ctx: CliContext): Command {
  return new Command('time')
    .description('Log time spent on a ticket, or list its time entries with totals (staff)')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--minutes <n>', 'minutes spent (1–1440)')
    .addOption(new Option('--type <type>', 'kind of work').choices(TIME_ENTRY_TYPES).default('work'))
    .option('--billable', 'the time is billable')
    .option('--description <text>', 'what was done')
    .option('--list', 'list the entries and totals instead of logging')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets time 1042 --minutes 30 --type work --billable --description "Reset the router"\n  $ nexus tickets time 1042 --list --json')
    .action(async (ticket: string, flags: TimeFlags) => {
      const number = ticketNumber(ticket);
      if (flags.list === (flags.minutes !== undefined)) {
        throw new NexusError('INVALID_USAGE', 'Give --minutes to log time, or --list to see it', { hint: 'e.g. `nexus tickets time 1042 --minutes 30`' });
      }
      const actor = await ctx.actor();
      const services = await ctx.services();
      const width = ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined;
      if (flags.list) {
        const result = await services.tickets.listTime(actor, { ticket: number });
        present(ctx, flags, result, (r) => `${entriesTable(r.items, width)}\n${totalsLine(r.totals)}`);
        return;
      }
      const result = await services.tickets.logTime(actor, {
        ticket: number,
        minutes: flags.minutes!,
        type: flags.type as TimeEntry['type'],
        billable: Boolean(flags.billable),
        description: flags.description,
      });
      present(ctx, flags, result, (r) => `✓ Logged ${r.entry.minutes} min (${r.entry.type}${r.entry.billable ? ', billable' : ''}) on #${r.ticketNumber}\n${totalsLine(r.totals)}`);
    });
}
