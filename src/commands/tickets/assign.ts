import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export function assignCommand(ctx: CliContext): Command {
  return new Command('assign')
    .description('Assign a ticket to an agent or admin')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .requiredOption('--to <agent>', 'agent email, or @me')
    .option('--json', 'print the ticket as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets assign 1042 --to ana@example.com\n  $ nexus tickets assign 1042 --to @me --json')
    .action(async (ticket: string, flags: { to: string; json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const result = await (await ctx.services()).tickets.assign(actor, { ticket: number, agent: flags.to });
      present(ctx, flags, result, (t) => `✓ Assigned #${t.number} to ${t.assignee?.email ?? '-'}`);
    });
}
