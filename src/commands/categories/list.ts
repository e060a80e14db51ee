import { Command } from 'commander';
import type { Category } from '../../core/tickets/categories.js';
import type { CliContext } from '../context.js';
import { fetchList, presentList, withListOptions, type ListFlags } from '../list-output.js';

export function listCommand(ctx: CliContext): Command {
  return withListOptions(new Command('list').description('List the categories with how many tickets are in each'), 'categories')
    .addHelpText('after', '\nExamples:\n  $ nexus categories list\n  $ nexus categories list --json')
    .action(async (flags: ListFlags) => {
      const actor = await ctx.actor();
      const services = await ctx.services();
      presentList<Category>(ctx, flags, await fetchList(flags, () => services.categories.list(actor)), {
        empty: 'No categories yet. An admin adds one with `nexus categories create <name>`.',
        columns: [
          { header: 'name', value: (c) => c.name },
          { header: 'tickets', value: (c) => c.ticketCount },
          { header: 'description', value: (c) => c.description },
        ],
      });
    });
}
