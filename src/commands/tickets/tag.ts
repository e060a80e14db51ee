import { Command } from 'commander';
import type { TicketTagsResult } from '../../core/tickets/tags-on-ticket.js';
import type { CliContext } from '../context.js';
import { forEachTicket, selectTickets } from './bulk.js';
import { safe } from '../output.js';

function tagVerb(ctx: CliContext, name: 'tag' | 'untag'): Command {
  const adding = name === 'tag';
  return new Command(name)
    .description(adding ? 'Add catalogue tags to a ticket (already present tags are left as they are)' : 'Remove tags from a ticket')
    .argument('<tickets>', 'ticket number, e.g. 1042; several as 1042,1043; - reads numbers from standard input')
    .argument('<tags...>', 'tag names from `nexus tags list`')
    .option('--json', 'print {ticketNumber, tags, changed} as JSON (several tickets: {"items": [...], "nextCursor": null})')
    .addHelpText('after', `\nExamples:\n  $ nexus tickets ${name} 1042 billing vip\n  $ nexus tickets ${name} 1042,1043 "needs follow-up" --json`)
    .action(async (ticket: string, tags: string[], flags: { json?: boolean }) => {
      const selection = await selectTickets(ctx, [ticket]);
      const actor = await ctx.actor();
      const services = await ctx.services();
      const change = adding ? services.tickets.addTags : services.tickets.removeTags;
      await forEachTicket(ctx, flags, selection, (number) => change(actor, { ticket: number, tags }), (r: TicketTagsResult) =>
        `${r.changed.length ? `✓ ${adding ? 'Tagged' : 'Untagged'} #${r.ticketNumber}: ${safe(r.changed.join(', '))}` : `#${r.ticketNumber} unchanged`}\ntags: ${safe(r.tags.join(', ') || '-')}`,
      );
    });
}

export const tagCommand = (ctx: CliContext) => tagVerb(ctx, 'tag');
export const untagCommand = (ctx: CliContext) => tagVerb(ctx, 'untag');
