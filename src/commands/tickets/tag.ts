import { Command } from 'commander';
import type { TicketTagsResult } from '../../core/tickets/tags-on-ticket.js';
import type { CliContext } from '../context.js';
import { present, safe } from '../output.js';
import { ticketNumber } from './present-ticket.js';

function tagVerb(ctx: CliContext, name: 'tag' | 'untag'): Command {
  const adding = name === 'tag';
  return new Command(name)
    .description(adding ? 'Add catalogue tags to a ticket (already present tags are left as they are)' : 'Remove tags from a ticket')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .argument('<tags...>', 'tag names from `nexus tags list`')
    .option('--json', 'print the ticket number and its tags as JSON')
    .addHelpText('after', `\nExamples:\n  $ nexus tickets ${name} 1042 billing vip\n  $ nexus tickets ${name} 1042 "needs follow-up" --json`)
    .action(async (ticket: string, tags: string[], flags: { json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const services = await ctx.services();
      const result = await (adding ? services.tickets.addTags : services.tickets.removeTags)(actor, { ticket: number, tags });
      present(ctx, flags, result, (r: TicketTagsResult) =>
        `${r.changed.length ? `✓ ${adding ? 'Tagged' : 'Untagged'} #${r.ticket}: ${safe(r.changed.join(', '))}` : `#${r.ticket} unchanged`}\ntags: ${safe(r.tags.join(', ') || '-')}`,
      );
    });
}

export const tagCommand = (ctx: CliContext) => tagVerb(ctx, 'tag');
export const untagCommand = (ctx: CliContext) => tagVerb(ctx, 'untag');
