import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { presentList, withListOptions, type ListFlags } from '../list-output.js';
import { EVENT_COLUMNS, ticketNumber } from './present-ticket.js';

export function historyCommand(ctx: CliContext): Command {
  return withListOptions(
    new Command('history').description('Show every change to a ticket: who, what, when, before/after (staff)').argument('<ticket>', 'ticket number, e.g. 1042'),
    'events, with "ticketNumber"',
  )
    .addHelpText('after', '\nExamples:\n  $ nexus tickets history 1042\n  $ nexus tickets history 1042 --json | jq \'.items[] | select(.type == "ticket.assigned")\'\n  $ nexus tickets history 1042 --format csv')
    .action(async (ticket: string, flags: ListFlags) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const history = await (await ctx.services()).tickets.history(actor, { ticket: number });
      presentList(ctx, flags, history, { empty: 'No history.', columns: EVENT_COLUMNS });
    });
}
