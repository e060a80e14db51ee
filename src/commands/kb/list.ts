import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { fetchList, presentList, withListOptions, type ListFlags } from '../list-output.js';
import { ARTICLE_COLUMNS, NO_ARTICLES } from './present-article.js';

export function listCommand(ctx: CliContext): Command {
  return withListOptions(
    new Command('list')
      .description('List articles, most recently changed first (customers see published ones only)')
      .option('--status <status>', 'draft or published (staff)')
      .option('--locale <code>', 'only this language, e.g. en or de')
      .option('--tag <tag>', 'only articles with this tag')
      .option('--limit <n>', 'articles per page (1–200)', '50'),
    'articles',
    { paged: true },
  )
    .addHelpText('after', '\nExamples:\n  $ nexus kb articles list\n  $ nexus kb articles list --status draft --json\n  $ nexus kb articles list --all --format csv')
    .action(async (flags: ListFlags & { status?: 'draft' | 'published'; locale?: string; tag?: string; limit: string }) => {
      const actor = await ctx.actor();
      const services = await ctx.services();
      const page = await fetchList(flags, (cursor) => services.kb.list(actor, { status: flags.status, locale: flags.locale, tag: flags.tag, limit: flags.limit, cursor }));
      presentList(ctx, flags, page, { empty: NO_ARTICLES, columns: ARTICLE_COLUMNS });
    });
}
