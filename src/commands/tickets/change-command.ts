import { Command } from 'commander';
import type { Ticket } from '../../core/tickets/ticket.js';
import type { Services } from '../../core/services.js';
import type { Actor } from '../../core/access/permissions.js';
import type { CliContext } from '../context.js';
import { forEachTicket, selectTickets } from './bulk.js';

/** A verb that changes tickets and prints them: close, reopen, unassign. Takes one or several numbers, or `-`. */
export function changeCommand(
  ctx: CliContext,
  spec: { name: string; description: string; examples: string[]; run: (services: Services, actor: Actor, ticket: number) => Promise<Ticket>; done: (t: Ticket) => string },
): Command {
  return new Command(spec.name)
    .description(spec.description)
    .argument('<tickets...>', 'ticket numbers, e.g. 1042 1043, or - to read them from standard input')
    .option('--json', 'print the ticket as JSON (several: {"items": [...], "nextCursor": null})')
    .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}`)
    .action(async (tickets: string[], flags: { json?: boolean }) => {
      const selection = await selectTickets(ctx, tickets);
      const actor = await ctx.actor();
      const services = await ctx.services();
      await forEachTicket(ctx, flags, selection, (number) => spec.run(services, actor, number), spec.done);
    });
}
