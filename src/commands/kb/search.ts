import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { hitsTable } from './present-article.js';

export function searchCommand(ctx: CliContext): Command {
  return new Command('search')
    .description('Search the knowledge base (full text in each article\'s language; hybrid with vectors when an embedding model is configured)')
    .argument('<query...>', 'words or a question')
    .option('--locale <code>', 'only articles in this language')
    .option('--drafts', 'include drafts (staff)')
    .option('--limit <n>', 'articles at most (1–50)', '10')
    .option('--json', 'print {"items": [...], "nextCursor": null, "mode": ...} as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus kb search how do I reset my password\n  $ nexus kb search Rücksendung --locale de --json')
    .action(async (words: string[], flags: { locale?: string; drafts?: boolean; limit: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const result = await (await ctx.services()).kb.search(actor, { q: words.join(' '), locale: flags.locale, drafts: flags.drafts ?? false, limit: flags.limit });
      present(ctx, flags, result, (r) => hitsTable(r.items, ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined));
    });
}
