import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export function priorityCommand(ctx: CliContext): Command {
  return new Command('priority')
    .description("Change a ticket's priority")
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .argument('<priority>', 'low, medium, high or urgent')
    .option('--json', 'print the ticket as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets priority 1042 urgent')
    .action(async (ticket: string, priority: string, flags: { json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const result = await (await ctx.services()).tickets.setPriority(actor, { ticket: number, priority: priority as never });
      present(ctx, flags, result, (t) => `✓ #${t.number} priority is ${t.priority}`);
    });
}
