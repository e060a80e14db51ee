import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export function similarCommand(ctx: CliContext): Command {
  return new Command('similar')
    .description('Agent assist: resolved tickets like this one (full text; vectors too when an embedding model is configured)')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--limit <n>', 'tickets at most (1–50)', '5')
    .option('--json', 'print {"items": [...], "nextCursor": null} as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets similar 1042\n  $ nexus tickets similar 1042 --limit 10 --json')
    .action(async (ticket: string, flags: { limit: string; json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const result = await (await ctx.services()).kb.similar(actor, { ticket: number, limit: Number(flags.limit) });
      present(ctx, flags, result, (r) =>
        r.items.length === 0
          ? 'No resolved ticket like this one.'
          : renderTable(r.items, [
              { header: 'ticket', value: (t) => `#${t.number}` },
              { header: 'subject', value: (t) => t.subject },
              { header: 'resolved', value: (t) => t.resolvedAt?.slice(0, 10) ?? null },
            ]),
      );
    });
}
