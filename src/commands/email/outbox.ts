import { join } from 'node:path';
import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';

export function outboxCommand(ctx: CliContext): Command {
  return new Command('outbox')
    .description('List the mail waiting in the outbox folder (what the desk would have sent)')
    .option('--limit <n>', 'only the newest n', (v) => Number(v))
    .option('--json', 'print {"items": [mails with their bodies], "nextCursor": null} as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus email outbox\n  $ nexus email outbox --limit 5 --json')
    .action(async (flags: { limit?: number; json?: boolean }) => {
      const { config } = await ctx.config();
      const { readOutbox } = await import('../../core/email/outbox-transport.js');
      const all = await readOutbox(join(config.dataDir, 'outbox'));
      const mails = flags.limit && flags.limit > 0 ? all.slice(-flags.limit) : all;
      present(ctx, flags, { items: mails, nextCursor: null }, ({ items: rows }) =>
        rows.length === 0
          ? 'The outbox is empty.'
          : renderTable(rows, [
              { header: 'sent', value: (m) => m.sentAt },
              { header: 'to', value: (m) => m.to },
              { header: 'subject', value: (m) => m.subject },
            ], ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined),
      );
    });
}
