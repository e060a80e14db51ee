import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';

export function removeCommand(ctx: CliContext): Command {
  return new Command('remove')
    .description('Delete an article with all its versions (admin)')
    .argument('<article>', 'article id or slug')
    .option('--json', 'print the article as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus kb articles remove reset-your-password\n  $ nexus kb articles remove reset-your-password --json')
    .action(async (article: string, flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const result = await (await ctx.services()).kb.remove(actor, { article });
      present(ctx, flags, result, (a) => `✓ Removed ${a.slug}`);
    });
}
