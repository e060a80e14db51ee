import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, safe } from '../output.js';

export function deleteCommand(ctx: CliContext): Command {
  return new Command('delete')
    .description('Delete a category (admin); its tickets are left without a category')
    .argument('<name>', 'category name')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus categories delete Legacy\n  $ nexus categories delete Legacy --json')
    .action(async (name: string, flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const result = await (await ctx.services()).categories.delete(actor, { name });
      present(ctx, flags, result, (r) => `✓ Deleted category ${safe(r.name)} (${r.ticketsCleared} ticket(s) now have none)`);
    });
}
