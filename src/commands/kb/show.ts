import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';
import { articleFields } from './present-article.js';

export function showCommand(ctx: CliContext): Command {
  return new Command('show')
    .description('Show one article by id or slug; --versions lists its recorded versions (staff)')
    .argument('<article>', 'article id or slug')
    .option('--versions', 'list the versions instead')
    .option('--json', 'print the article (or {"items": [...], "nextCursor": null}) as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus kb articles show reset-your-password\n  $ nexus kb articles show reset-your-password --versions --json')
    .action(async (article: string, flags: { versions?: boolean; json?: boolean }) => {
      const actor = await ctx.actor();
      const services = await ctx.services();
      if (flags.versions) {
        const versions = await services.kb.versions(actor, { article });
        present(ctx, flags, versions, (v) =>
          renderTable(v.items, [
            { header: 'version', value: (x) => x.version },
            { header: 'title', value: (x) => x.title },
            { header: 'created', value: (x) => x.createdAt },
          ]),
        );
        return;
      }
      present(ctx, flags, await services.kb.get(actor, { article }), articleFields);
    });
}
