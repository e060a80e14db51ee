import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderFields, renderTable } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export function suggestCommand(ctx: CliContext): Command {
  return new Command('suggest')
    .description('Agent assist: draft a reply from the thread and the knowledge base, with citations (never sent; reply with `tickets reply`)')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--json', 'print the suggestion as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets suggest 1042\n  $ nexus tickets suggest 1042 --json')
    .action(async (ticket: string, flags: { json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const suggestion = await (await ctx.services()).kb.suggest(actor, { ticket: number });
      present(ctx, flags, suggestion, (s) =>
        [
          renderFields([
            ['ticket', `#${s.ticketNumber}`],
            ['confidence', s.confidence.toFixed(2)],
            ['needs human', s.needsHuman ? 'yes' : 'no'],
            ['note', s.note],
          ]),
          s.draft === null ? 'No draft (withheld by the output guard).' : renderTable(s.draft.split('\n').map((line) => ({ line })), [{ header: 'draft (not sent)', value: (r) => r.line }]),
          s.citations.length ? renderTable(s.citations, [{ header: 'cites', value: (c) => c.slug }, { header: 'title', value: (c) => c.title }]) : 'No article cited.',
        ].join('\n\n'),
      );
    });
}
