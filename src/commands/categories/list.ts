import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';

export function listCommand(ctx: CliContext): Command {
  return new Command('list')
    .description('List the categories with how many tickets are in each')
    .option('--json', 'print the categories as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus categories list\n  $ nexus categories list --json')
    .action(async (flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const categories = await (await ctx.services()).categories.list(actor);
      present(ctx, flags, categories, (rows) =>
        rows.length === 0
          ? 'No categories yet. An admin adds one with `nexus categories create <name>`.'
          : renderTable(
              rows,
              [
                { header: 'name', value: (c) => c.name },
                { header: 'tickets', value: (c) => c.ticketCount },
                { header: 'description', value: (c) => c.description },
              ],
              ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined,
            ),
      );
    });
}
