import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';

export function unpublishCommand(ctx: CliContext): Command {
  return new Command('unpublish')
    .description('Take a published article back to draft')
    .argument('<article>', 'article id or slug')
    .option('--json', 'print the article as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus kb articles unpublish reset-your-password\n  $ nexus kb articles unpublish reset-your-password --json')
    .action(async (article: string, flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const result = await (await ctx.services()).kb.unpublish(actor, { article });
      present(ctx, flags, result, (a) => `✓ ${a.slug} is a draft again`);
    });
}
