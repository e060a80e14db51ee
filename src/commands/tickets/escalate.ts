import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export function escalateCommand(ctx: CliContext): Command {
  return new Command('escalate')
    .description('Hand a ticket to the human queue (unassigned, status escalated)')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--reason <text>', 'why; shown in the thread')
    .option('--json', 'print the ticket as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets escalate 1042 --reason "Customer asked for a human"')
    .action(async (ticket: string, flags: { reason?: string; json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const result = await (await ctx.services()).tickets.escalate(actor, { ticket: number, reason: flags.reason });
      present(ctx, flags, result, (t) => `✓ Escalated #${t.number}`);
    });
}
