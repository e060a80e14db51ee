import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { bodyFrom, tagList } from './present-article.js';

export function editCommand(ctx: CliContext): Command {
  return new Command('edit')
    .description('Change an article; every change is recorded as a new version (a published article stays live)')
    .argument('<article>', 'article id or slug')
    .option('--title <text>', 'new title')
    .option('--body <markdown>', 'new body, Markdown')
    .option('--body-file <path>', 'read the new body from a file (- for standard input)')
    .option('--tags <list>', 'replace the tags (comma-separated)')
    .option('--locale <code>', 'new language code')
    .option('--json', 'print the article as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus kb articles edit reset-your-password --body-file reset.md\n  $ nexus kb articles edit reset-your-password --tags account,login --json')
    .action(async (article: string, flags: { title?: string; body?: string; bodyFile?: string; tags?: string; locale?: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const body = await bodyFrom(ctx, flags);
      const result = await (await ctx.services()).kb.edit(actor, { article, title: flags.title, body, tags: tagList(flags.tags), locale: flags.locale });
      present(ctx, flags, result, (a) => `✓ ${a.slug} is now version ${a.version} (${a.status})`);
    });
}
