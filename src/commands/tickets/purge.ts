import { Command } from 'commander';
import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { note, present } from '../output.js';
import { confirm } from '../prompt.js';
import { ticketNumber } from './present-ticket.js';

export function purgeCommand(ctx: CliContext): Command {
  return new Command('purge')
    .description('Delete tickets in the trash for good, with every message, event and attachment (admin)')
    .argument('[tickets...]', 'ticket numbers in the trash')
    .option('--expired', 'purge everything deleted 30 or more days ago (for cron)')
    .option('--yes', 'do not ask for confirmation on a terminal')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets purge 1042 1043\n  $ nexus tickets purge --expired --json   # daily, from cron')
    .action(async (tickets: string[], flags: { expired?: boolean; yes?: boolean; json?: boolean }) => {
      if ((tickets.length > 0) === Boolean(flags.expired)) {
        throw new NexusError('INVALID_USAGE', 'Name the tickets to purge, or pass --expired (not both)', { hint: 'See the trash with `nexus tickets trash`.' });
      }
      const numbers = tickets.map(ticketNumber);
      if (!flags.expired) await confirm(ctx, flags, `Purge ${numbers.map((n) => `#${n}`).join(', ')} for good? This cannot be undone.`);
      const actor = await ctx.actor();
      const services = await ctx.services();
      const result = await services.tickets.purge(actor, flags.expired ? { expired: true } : { tickets: numbers });
      if (result.blobsFailed.length > 0) note(ctx, `! ${result.blobsFailed.length} attachment file(s) could not be removed from storage: ${result.blobsFailed.join(', ')}`);
      present(ctx, flags, result, (r) =>
        r.count === 0 ? 'Nothing to purge.' : `✓ Purged ${r.count} ticket(s): ${r.purged.map((n) => `#${n}`).join(', ')} (${r.attachmentsRemoved} attachment(s) removed)`,
      );
    });
}
