import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { ticketFields, ticketNumber } from './present-ticket.js';

export function editCommand(ctx: CliContext): Command {
  return new Command('edit')
    .description("Correct a ticket's subject or customer (staff)")
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--subject <text>', 'the new subject')
    .option('--customer <email>', 'move the ticket to this customer (an existing customer account)')
    .option('--json', 'print the ticket as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets edit 1042 --subject "Refund for order 77"\n  $ nexus tickets edit 1042 --customer bo@example.com --json')
    .action(async (ticket: string, flags: { subject?: string; customer?: string; json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const result = await (await ctx.services()).tickets.edit(actor, { ticket: number, subject: flags.subject, customerEmail: flags.customer });
      present(ctx, flags, result, (t) => `✓ Edited #${t.number}\n${ticketFields(t)}`);
    });
}
