import { Command } from 'commander';
import type { Ticket } from '../../core/tickets/ticket.js';
import type { Services } from '../../core/services.js';
import type { Actor } from '../../core/access/permissions.js';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { ticketNumber } from './present-ticket.js';

/** A verb that changes one ticket and prints it: close, reopen, unassign. */
export function changeCommand(
  ctx: CliContext,
  spec: { name: string; description: string; examples: string[]; run: (services: Services, actor: Actor, ticket: number) => Promise<Ticket>; done: (t: Ticket) => string },
): Command {
  return new Command(spec.name)
    .description(spec.description)
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--json', 'print the ticket as JSON')
    .addHelpText('after', `\nExamples:\n${spec.examples.map((e) => `  $ ${e}`).join('\n')}`)
    .action(async (ticket: string, flags: { json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const result = await spec.run(await ctx.services(), actor, number);
      present(ctx, flags, result, spec.done);
    });
}
