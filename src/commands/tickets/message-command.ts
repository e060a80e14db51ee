import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { readStdin } from '../io.js';
import { present } from '../output.js';
import { ticketNumber } from './present-ticket.js';

/** `reply` and `note` share their shape: a ticket and a text. */
export function messageCommand(ctx: CliContext, name: 'reply' | 'note'): Command {
  const isNote = name === 'note';
  return new Command(name)
    .description(isNote ? 'Add an internal note (staff only; customers never see it)' : 'Reply in the thread (agents claim an unassigned ticket by replying)')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .requiredOption('-m, --message <text>', 'the text; - reads it from standard input')
    .option('--json', `print ${isNote ? 'the note' : '{"ticket": ..., "message": ...}'} as JSON`)
    .addHelpText(
      'after',
      isNote
        ? '\nExamples:\n  $ nexus tickets note 1042 -m "Customer is on the legacy plan"'
        : '\nExamples:\n  $ nexus tickets reply 1042 -m "A new reset link is on its way."\n  $ nexus tickets reply 1042 --message - < answer.txt --json',
    )
    .action(async (ticket: string, flags: { message: string; json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const body = flags.message === '-' ? await readStdin(ctx.io.stdin) : flags.message;
      const services = await ctx.services();
      if (isNote) {
        const message = await services.tickets.note(actor, { ticket: number, body });
        present(ctx, flags, message, () => `✓ Added an internal note to #${number}`);
      } else {
        const result = await services.tickets.reply(actor, { ticket: number, body });
        present(ctx, flags, result, (r) => `✓ Replied on #${number} (status ${r.ticket.status}${r.ticket.assignee ? `, assigned to ${r.ticket.assignee.email}` : ''})`);
      }
    });
}
