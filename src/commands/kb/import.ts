import { resolve } from 'node:path';
import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';

export function importCommand(ctx: CliContext): Command {
  return new Command('import')
    .description('Import a folder of Markdown files with front matter (title, slug, tags, locale, status); existing slugs become new versions')
    .argument('<dir>', 'the folder (read recursively)')
    .option('--publish', 'publish every imported article')
    .option('--json', 'print {"items": [...], "nextCursor": null} as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus kb articles import ./help-center\n  $ nexus kb articles import ./help-center --publish --json')
    .action(async (dir: string, flags: { publish?: boolean; json?: boolean }) => {
      const actor = await ctx.actor();
      const result = await (await ctx.services()).kb.import(actor, { dir: resolve(dir), publish: flags.publish });
      present(ctx, flags, result, (r) =>
        r.items.length === 0
          ? 'No Markdown files found.'
          : renderTable(r.items, [
              { header: 'file', value: (i) => i.file },
              { header: 'slug', value: (i) => i.article.slug },
              { header: 'action', value: (i) => i.action },
              { header: 'status', value: (i) => i.article.status },
            ]),
      );
    });
}
