import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { onePage } from '../../core/documents.js';
import { presentList, withListOptions, type ListFlags } from '../list-output.js';

export function showCommand(ctx: CliContext): Command {
  return withListOptions(
    new Command('show').description(
      'Print the effective configuration, secrets masked, with the true source of each value: default, desk (the data folder\'s secret.key), file (the config file), env or flag',
    ),
    'settings: {key, value, source, from, env}',
  )
    .addHelpText('after', '\nExamples:\n  $ nexus config show\n  $ nexus config show --json | jq \'.items[] | select(.source != "default")\'\n  $ nexus config show --format csv')
    .action(async (flags: ListFlags) => {
      const { describeConfig } = await import('../../core/config/parse-config.js');
      const rows = describeConfig(await ctx.config(), await ctx.configPlaces());
      presentList(ctx, flags, onePage(rows.map((r) => ({ key: r.key, value: r.value ?? null, source: r.source, from: r.from, env: r.env }))), {
        empty: 'No settings.',
        columns: [
          { header: 'key', value: (r) => r.key },
          { header: 'value', value: (r) => (Array.isArray(r.value) ? r.value.join(',') : (r.value as string | number | boolean | null)) },
          { header: 'source', value: (r) => r.source },
          { header: 'from', value: (r) => r.from },
          { header: 'env', value: (r) => r.env },
        ],
      });
    });
}
