import { Command } from 'commander';
import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export function aiCommand(ctx: CliContext): Command {
  return new Command('ai')
    .description('Turn automatic AI replies on or off for one ticket')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .argument('<switch>', 'on or off')
    .option('--json', 'print the ticket as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets ai 1042 off')
    .action(async (ticket: string, value: string, flags: { json?: boolean }) => {
      if (value !== 'on' && value !== 'off') throw new NexusError('INVALID_USAGE', `"${value}" is not on or off`, { hint: 'Run `nexus tickets ai 1042 off`.' });
      const result = await (await ctx.services()).tickets.setAi(await ctx.actor(), { ticket: ticketNumber(ticket), enabled: value });
      present(ctx, flags, result, (t) => `✓ #${t.number}: AI replies ${t.aiEnabled ? 'on' : 'off'}`);
    });
}
