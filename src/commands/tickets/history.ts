import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { eventsTable, ticketNumber } from './present-ticket.js';

export function historyCommand(ctx: CliContext): Command {
  return new Command('history')
    .description('Show every change to a ticket: who, what, when, before/after (staff)')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--json', 'print {"items": [events], "nextCursor": null, "ticketNumber": ...} as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets history 1042\n  $ nexus tickets history 1042 --json | jq \'.items[] | select(.type == "ticket.assigned")\'')
    .action(async (ticket: string, flags: { json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const history = await (await ctx.services()).tickets.history(actor, { ticket: number });
      present(ctx, flags, history, (h) => eventsTable(h.items, ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined));
    });
}
