import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';

export function statusCommand(ctx: CliContext): Command {
  return new Command('status')
    .description('Show which migrations are applied and which are pending')
    .option('--json', 'print the result as JSON (the document of GET /v1/db/status)')
    .addHelpText('after', '\nExamples:\n  $ nexus db status\n  $ nexus db status --json')
    .action(async (flags: { json?: boolean }) => {
      await ctx.db({ migrate: false });
      const status = await (await ctx.services()).db.statusAsOwner();
      present(ctx, flags, status, (s) =>
        [
          `database: ${s.database}`,
          s.current ? '✓ schema is current' : `! ${s.pending} migration(s) pending — run \`nexus db migrate\``,
          '',
          renderTable(s.migrations, [
            { header: 'version', value: (m) => m.version },
            { header: 'name', value: (m) => m.name },
            { header: 'status', value: (m) => m.status },
          ]),
        ].join('\n'),
      );
    });
}
