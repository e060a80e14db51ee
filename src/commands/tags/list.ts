import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { tagsTable } from './present-tag.js';

export function listCommand(ctx: CliContext): Command {
  return new Command('list')
    .description('List the tags with how many tickets carry each')
    .option('--json', 'print the tags as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tags list\n  $ nexus tags list --json')
    .action(async (flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const tags = await (await ctx.services()).tags.list(actor);
      present(ctx, flags, tags, (t) => tagsTable(t, ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined));
    });
}
