import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { articlesTable } from './present-article.js';

export function listCommand(ctx: CliContext): Command {
  return new Command('list')
    .description('List articles, most recently changed first (customers see published ones only)')
    .option('--status <status>', 'draft or published (staff)')
    .option('--locale <code>', 'only this language, e.g. en or de')
    .option('--tag <tag>', 'only articles with this tag')
    .option('--limit <n>', 'articles per page (1–200)', '50')
    .option('--cursor <cursor>', 'the nextCursor of the previous page')
    .option('--json', 'print {"items": [...], "nextCursor": ...} as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus kb articles list\n  $ nexus kb articles list --status draft --json')
    .action(async (flags: { status?: 'draft' | 'published'; locale?: string; tag?: string; limit: string; cursor?: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const page = await (await ctx.services()).kb.list(actor, { status: flags.status, locale: flags.locale, tag: flags.tag, limit: flags.limit, cursor: flags.cursor });
      present(ctx, flags, page, (p) => articlesTable(p.items, ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined) + (p.nextCursor ? `\nMore: --cursor ${p.nextCursor}` : ''));
    });
}
