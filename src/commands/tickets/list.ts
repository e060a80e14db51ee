import { Command } from 'commander';
import type { Ticket } from '../../core/tickets/ticket.js';
import { colourOn, paintTicketLine } from '../colour.js';
import type { CliContext } from '../context.js';
import { fetchList, presentList, withListOptions, type ListFlags } from '../list-output.js';
import { TICKET_COLUMNS } from './present-ticket.js';

interface TicketListFlags extends ListFlags {
  status?: string;
  priority?: string;
  assignee?: string;
  customer?: string;
  context?: string;
  tag?: string;
  category?: string;
  from?: string;
  to?: string;
  search?: string;
  sort?: string;
  limit?: string;
  sla?: string;
}

/** What "open work" means: everything not closed. `--status all` lists closed tickets too. */
export const OPEN_WORK = 'open,pending,escalated,assigned';

/** `--status` as the core takes it: the open work by default, every status for `all`. */
export const statusFilter = (status: string | undefined): string | undefined => (status === undefined ? OPEN_WORK : status.trim() === 'all' ? undefined : status);

/** `tickets list` and `tickets mine` share their flags and output. */
export function ticketListCommand(ctx: CliContext, name: 'list' | 'mine'): Command {
  const mine = name === 'mine';
  const command = new Command(name).description(
    mine ? 'List the open tickets assigned to you (same flags as `tickets list`)' : 'List tickets (the open work by default), newest first; filter, search and page through them',
  );
  command.option('--status <list>', 'open, pending, escalated, assigned, closed (comma-separated), or all; default: all but closed');
  command.option('--priority <list>', 'low, medium, high, urgent (comma-separated)');
  if (!mine) command.option('--assignee <who>', 'an agent email, @me, or none');
  command
    .option('--customer <email>', "only this customer's tickets")
    .option('--context <context>', 'only tickets opened with this context')
    .option('--tag <tag>', 'only tickets with this tag')
    .option('--category <category>', 'only tickets in this category')
    .option('--from <date>', 'created at or after (2026-11-01 or an ISO time)')
    .option('--to <date>', 'created before; a bare date includes that day')
    .option('--search <text>', 'full-text search over subjects and messages ("phrases", -not, or)')
    .option('--sort <sort>', '-created (default), created, -updated, priority, number, relevance (default when searching), due (next SLA due time first)')
    .option('--sla <state>', 'only tickets whose SLA is breached or due-soon')
    .option('--limit <n>', 'tickets per page, 1–100', '25');
  return withListOptions(command, 'tickets', { paged: true })
    .addHelpText(
      'after',
      mine
        ? '\nExamples:\n  $ nexus tickets mine\n  $ nexus tickets mine --sort priority --json'
        : `
Examples:
  $ nexus tickets list --status open,escalated --assignee none
  $ nexus tickets list --status all --customer bo@example.com
  $ nexus tickets list --search "refund -paypal" --json
  $ nexus tickets list --from 2026-11-01 --to 2026-11-30 --all --format csv > november.csv`,
    )
    .action(async (flags: TicketListFlags) => {
      const actor = await ctx.actor();
      const services = await ctx.services();
      const page = await fetchList(flags, (cursor) =>
        services.tickets.list(actor, {
          status: statusFilter(flags.status),
          priority: flags.priority,
          assignee: mine ? '@me' : flags.assignee,
          customer: flags.customer,
          context: flags.context,
          tag: flags.tag,
          category: flags.category,
          from: flags.from,
          to: flags.to,
          q: flags.search,
          sort: flags.sort as never,
          limit: flags.limit,
          cursor,
          sla: flags.sla as never,
        }),
      );
      const colour = colourOn(ctx.io);
      presentList<Ticket>(ctx, flags, page, { columns: TICKET_COLUMNS, empty: 'No tickets match.', paintRow: (line, t) => paintTicketLine(colour, line, t) });
    });
}

export const listCommand = (ctx: CliContext): Command => ticketListCommand(ctx, 'list');
export const mineCommand = (ctx: CliContext): Command => ticketListCommand(ctx, 'mine');
