import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { readStdin } from '../io.js';
import { present } from '../output.js';
import { ticketFields } from './present-ticket.js';

interface CreateFlags {
  subject: string;
  message: string;
  context?: string;
  priority?: string;
  customer?: string;
  json?: boolean;
}

export function createCommand(ctx: CliContext): Command {
  return new Command('create')
    .description("Open a ticket (staff: on a customer's behalf with --customer)")
    .requiredOption('--subject <text>', 'what it is about')
    .requiredOption('-m, --message <text>', "the customer's first message; - reads it from standard input")
    .option('--context <context>', 'where it came from (a product area, a page)')
    .option('--priority <priority>', 'low, medium (default), high or urgent')
    .option('--customer <email>', 'open it for this customer (created without a password if new)')
    .option('--json', 'print {"created": ..., "ticket": ..., "message": ...} as JSON')
    .addHelpText('after', `
Examples:
  $ nexus tickets create --customer bo@example.com --subject "Cannot log in" -m "Reset mail never arrives"
  $ cat mail.txt | nexus tickets create --customer bo@example.com --subject "Invoice" --message - --priority high --json`)
    .action(async (flags: CreateFlags) => {
      const actor = await ctx.actor();
      const message = flags.message === '-' ? await readStdin(ctx.io.stdin) : flags.message;
      const result = await (await ctx.services()).tickets.create(actor, {
        subject: flags.subject,
        message,
        context: flags.context,
        priority: flags.priority as never,
        customerEmail: flags.customer,
        source: 'cli',
      });
      present(ctx, flags, result, (r) =>
        r.created ? `✓ Opened #${r.ticket.number}\n${ticketFields(r.ticket)}` : `✓ Added to the open ticket #${r.ticket.number} with the same subject\n${ticketFields(r.ticket)}`,
      );
    });
}
