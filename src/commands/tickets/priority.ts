import { Command } from 'commander';
import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { forEachTicket, selectTickets } from './bulk.js';

export function priorityCommand(ctx: CliContext): Command {
  return new Command('priority')
    .description("Change tickets' priority: the ticket numbers (or -), then the priority")
    .argument('<tickets...>', 'ticket numbers (or - for standard input) followed by low, medium, high or urgent')
    .option('--json', 'print the ticket as JSON (several: {"items": [...], "nextCursor": null})')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets priority 1042 urgent\n  $ nexus tickets priority 1042 1043 high --json')
    .action(async (args: string[], flags: { json?: boolean }) => {
      const priority = args.at(-1);
      if (args.length < 2 || !priority) throw new NexusError('INVALID_USAGE', 'Give the ticket numbers and then the priority', { hint: 'e.g. `nexus tickets priority 1042 urgent`' });
      const selection = await selectTickets(ctx, args.slice(0, -1));
      const actor = await ctx.actor();
      const services = await ctx.services();
      await forEachTicket(ctx, flags, selection, (ticket) => services.tickets.setPriority(actor, { ticket, priority: priority as never }), (t) => `✓ #${t.number} priority is ${t.priority}`);
    });
}
