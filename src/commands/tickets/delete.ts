import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export function deleteCommand(ctx: CliContext): Command {
  return new Command('delete')
    .description('Move closed tickets to the trash (all or nothing); they are purged after 30 days')
    .argument('<tickets...>', 'ticket numbers, e.g. 1042 1043')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets delete 1042\n  $ nexus tickets delete 1042 1043 1050 --json')
    .action(async (tickets: string[], flags: { json?: boolean }) => {
      const numbers = tickets.map(ticketNumber);
      const actor = await ctx.actor();
      const result = await (await ctx.services()).tickets.delete(actor, { tickets: numbers });
      present(ctx, flags, result, (r) => `✓ Moved ${r.deleted.map((n) => `#${n}`).join(', ')} to the trash (purged after ${r.purgeAfterDays} days; \`nexus tickets restore N\` brings one back)`);
    });
}
