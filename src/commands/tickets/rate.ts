import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export function rateCommand(ctx: CliContext): Command {
  return new Command('rate')
    .description('Rate an AI reply on your ticket from 1 to 5 (customers); rating again replaces it')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .argument('<messageId>', 'id of the AI reply (see `nexus tickets view N --json`)')
    .argument('<rating>', '1 (poor) to 5 (excellent)')
    .option('--comment <text>', 'what was good or missing')
    .option('--json', 'print the rating as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets rate 1042 6f1c…e2 5\n  $ nexus tickets rate 1042 6f1c…e2 2 --comment "Did not answer my question" --json')
    .action(async (ticket: string, messageId: string, rating: string, flags: { comment?: string; json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const result = await (await ctx.services()).tickets.rateMessage(actor, { ticket: number, messageId, rating, comment: flags.comment });
      present(ctx, flags, result, (r) => `✓ ${r.updated ? 'Updated your rating' : 'Rated'} ${r.rating}/5 on #${r.ticketNumber}`);
    });
}
