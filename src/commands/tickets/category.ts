import { Command } from 'commander';
import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { present, safe } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export function categoryCommand(ctx: CliContext): Command {
  return new Command('category')
    .description("Set or clear a ticket's category")
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .argument('[name]', 'category name from `nexus categories list`')
    .option('--clear', 'remove the category')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets category 1042 Billing\n  $ nexus tickets category 1042 --clear --json')
    .action(async (ticket: string, name: string | undefined, flags: { clear?: boolean; json?: boolean }) => {
      const number = ticketNumber(ticket);
      if ((name === undefined) === !flags.clear) {
        throw new NexusError('INVALID_USAGE', 'Give a category name or --clear (not both)', { hint: 'e.g. `nexus tickets category 1042 Billing`' });
      }
      const actor = await ctx.actor();
      const result = await (await ctx.services()).tickets.setCategory(actor, { ticket: number, category: flags.clear ? null : name! });
      present(ctx, flags, result, (r) => (r.changed ? `✓ #${r.ticketNumber} category: ${safe(r.category ?? '(none)')}` : `#${r.ticketNumber} unchanged (category: ${safe(r.category ?? '(none)')})`));
    });
}
