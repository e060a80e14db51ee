import { Command } from 'commander';
import type { CliContext } from '../context.js';
import type { TrashedTicket } from '../../core/tickets/list-trash.js';
import { fetchList, presentList, withListOptions, type ListFlags } from '../list-output.js';
import { formatTime } from '../time-format.js';

export function trashCommand(ctx: CliContext): Command {
  return withListOptions(new Command('trash').description('List deleted tickets with the days left before they are purged (staff)'), 'trashed tickets')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets trash\n  $ nexus tickets trash --json')
    .action(async (flags: ListFlags) => {
      const actor = await ctx.actor();
      const services = await ctx.services();
      const page = await fetchList(flags, () => services.tickets.listTrash(actor));
      presentList<TrashedTicket>(ctx, flags, page, {
        empty: 'The trash is empty.',
        columns: [
                { header: 'ticket', value: (r) => `#${r.number}` },
                { header: 'subject', value: (r) => r.subject },
                { header: 'customer', value: (r) => r.customer.email },
                { header: 'deleted', value: (r) => formatTime(r.deletedAt) },
                { header: 'by', value: (r) => r.deletedBy?.email },
                { header: 'days left', value: (r) => r.daysLeft },
        ],
      });
    });
}
