import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';

export function publishCommand(ctx: CliContext): Command {
  return new Command('publish')
    .description('Publish a draft: customers and the AI see it from now on')
    .argument('<article>', 'article id or slug')
    .option('--json', 'print the article as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus kb articles publish reset-your-password\n  $ nexus kb articles publish reset-your-password --json')
    .action(async (article: string, flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const result = await (await ctx.services()).kb.publish(actor, { article });
      present(ctx, flags, result, (a) => `✓ Published ${a.slug}`);
    });
}
