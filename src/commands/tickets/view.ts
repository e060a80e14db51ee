import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { messageBlock, ticketFields, ticketNumber } from './present-ticket.js';


export function viewCommand(ctx: CliContext): Command {
  return new Command('view')
    .description('Show a ticket and its thread (staff also see internal notes)')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--json', 'print {"ticket": ..., "messages": [...]} as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets view 1042\n  $ nexus tickets view "#1042" --json')
    .action(async (ticket: string, flags: { json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const thread = await (await ctx.services()).tickets.view(actor, { ticket: number });
      present(ctx, flags, thread, (t) => [ticketFields(t.ticket, t.work), '', ...t.messages.map(messageBlock)].join('\n'));
    });
}
