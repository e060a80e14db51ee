import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { fetchList, presentList, withListOptions, type ListFlags } from '../list-output.js';
import { NO_TAGS, TAG_COLUMNS } from './present-tag.js';

export function listCommand(ctx: CliContext): Command {
  return withListOptions(new Command('list').description('List the tags with how many tickets carry each'), 'tags')
    .addHelpText('after', '\nExamples:\n  $ nexus tags list\n  $ nexus tags list --json\n  $ nexus tags list --format csv > tags.csv')
    .action(async (flags: ListFlags) => {
      const actor = await ctx.actor();
      const services = await ctx.services();
      presentList(ctx, flags, await fetchList(flags, () => services.tags.list(actor)), { columns: TAG_COLUMNS, empty: NO_TAGS });
    });
}
