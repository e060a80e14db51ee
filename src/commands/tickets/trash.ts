import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';

export function trashCommand(ctx: CliContext): Command {
  return new Command('trash')
    .description('List deleted tickets with the days left before they are purged (staff)')
    .option('--json', 'print the trash as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets trash\n  $ nexus tickets trash --json')
    .action(async (flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const trash = await (await ctx.services()).tickets.listTrash(actor);
      present(ctx, flags, trash, (rows) =>
        rows.length === 0
          ? 'The trash is empty.'
          : renderTable(
              rows,
              [
                { header: 'ticket', value: (r) => `#${r.number}` },
                { header: 'subject', value: (r) => r.subject },
                { header: 'customer', value: (r) => r.customer.email },
                { header: 'deleted', value: (r) => r.deletedAt.replace('T', ' ').slice(0, 16) },
                { header: 'by', value: (r) => r.deletedBy?.email },
                { header: 'days left', value: (r) => r.daysLeft },
              ],
              ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined,
            ),
      );
    });
}
