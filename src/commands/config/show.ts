import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';

export function showCommand(ctx: CliContext): Command {
  return new Command('show')
    .description('Print the effective configuration, secrets masked, with where each value came from')
    .option('--json', 'print {"items": [{key, value, source, env}], "nextCursor": null} as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus config show\n  $ nexus config show --json')
    .action(async (flags: { json?: boolean }) => {
      const { describeConfig } = await import('../../core/config/parse-config.js');
      const rows = describeConfig(await ctx.config());
      present(
        ctx,
        flags,
        { items: rows.map((r) => ({ key: r.key, value: r.value ?? null, source: r.source, env: r.env ?? null })), nextCursor: null },
        () =>
          renderTable(rows, [
            { header: 'key', value: (r) => r.key },
            { header: 'value', value: (r) => (Array.isArray(r.value) ? r.value.join(',') : (r.value as string | null)) },
            { header: 'source', value: (r) => r.source },
            { header: 'env', value: (r) => r.env },
          ]),
      );
    });
}
