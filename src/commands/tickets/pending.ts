import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export function pendingCommand(ctx: CliContext): Command {
  return new Command('pending')
    .description('Mark a ticket pending: waiting on the customer (the SLA clock pauses; their next message re-opens it)')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--json', 'print the ticket as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets pending 1042')
    .action(async (ticket: string, flags: { json?: boolean }) => {
      const result = await (await ctx.services()).tickets.setStatus(await ctx.actor(), { ticket: ticketNumber(ticket), status: 'pending' });
      present(ctx, flags, result, (t) => `✓ #${t.number} is ${t.status}`);
    });
}
