import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';

export function pollCommand(ctx: CliContext): Command {
  return new Command('poll')
    .description('Fetch new mail from the IMAP accounts once (for cron; `nexus serve` and `nexus worker` poll on their own)')
    .option('--account <address>', 'only this account')
    .option('--json', 'print {items, nextCursor}: one report per account')
    .addHelpText('after', '\nExamples:\n  $ nexus email poll\n  $ nexus email poll --account support@example.com --json')
    .action(async (flags: { account?: string; json?: boolean }) => {
      const result = await (await ctx.services()).email.poll(await ctx.actor(), { account: flags.account });
      present(ctx, flags, result, (r) =>
        r.items.length === 0
          ? 'No IMAP accounts to poll.'
          : renderTable(r.items, [
              { header: 'account', value: (i) => i.account },
              { header: 'ok', value: (i) => (i.ok ? 'yes' : 'no') },
              { header: 'fetched', value: (i) => i.fetched },
              { header: 'decisions', value: (i) => Object.entries(i.decisions).map(([k, v]) => `${k}=${v}`).join(' ') },
              { header: 'error', value: (i) => i.error },
            ]),
      );
      if (result.items.some((i) => !i.ok)) ctx.exitCode = 1;
    });
}
