import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { bodyFrom, tagList } from './present-article.js';

export function createCommand(ctx: CliContext): Command {
  return new Command('create')
    .description('Write a new article as a draft (agents and admins)')
    .requiredOption('--title <text>', 'the title')
    .option('--body <markdown>', 'the body, Markdown')
    .option('--body-file <path>', 'read the body from a file (- for standard input)')
    .option('--tags <list>', 'comma-separated tags')
    .option('--locale <code>', 'language of the article, e.g. en, de, pt-BR', 'en')
    .option('--slug <slug>', 'the URL name (default: from the title)')
    .option('--json', 'print the article as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus kb articles create --title "Reset your password" --body-file reset.md --tags account\n  $ nexus kb articles create --title "Versand" --locale de --body "..." --json')
    .action(async (flags: { title: string; body?: string; bodyFile?: string; tags?: string; locale: string; slug?: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const body = await bodyFrom(ctx, flags);
      const article = await (await ctx.services()).kb.create(actor, { title: flags.title, body, tags: tagList(flags.tags), locale: flags.locale, slug: flags.slug });
      present(ctx, flags, article, (a) => `✓ Created draft ${a.slug} (${a.id}); publish it with \`nexus kb articles publish ${a.slug}\``);
    });
}
