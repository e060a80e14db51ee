import { Command, Option } from 'commander';
import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { forEachTicket, selectTickets } from './bulk.js';

export function assignCommand(ctx: CliContext): Command {
  return new Command('assign')
    .description('Assign tickets to an agent or admin')
    .argument('<tickets...>', 'ticket numbers, e.g. 1042 1043, or - to read them from standard input')
    .option('--assignee <who>', 'agent email, or @me (the API field is `assignee` too)')
    .addOption(new Option('--to <who>', 'the same as --assignee').hideHelp())
    .option('--json', 'print the ticket as JSON (several: {"items": [...], "nextCursor": null})')
    .addHelpText(
      'after',
      '\nExamples:\n  $ nexus tickets assign 1042 --assignee ana@example.com\n  $ nexus tickets assign 1042 1043 --assignee @me --json\n  $ nexus tickets list --assignee none --json | jq -r ".items[].number" | nexus tickets assign - --assignee @me',
    )
    .action(async (tickets: string[], flags: { assignee?: string; to?: string; json?: boolean }) => {
      const who = flags.assignee ?? flags.to;
      if (!who) throw new NexusError('INVALID_USAGE', 'Say who gets the tickets with --assignee', { hint: 'e.g. `--assignee ana@example.com` or `--assignee @me`' });
      const selection = await selectTickets(ctx, tickets);
      const actor = await ctx.actor();
      const services = await ctx.services();
      await forEachTicket(ctx, flags, selection, (ticket) => services.tickets.assign(actor, { ticket, agent: who }), (t) => `✓ Assigned #${t.number} to ${t.assignee?.email ?? '-'}`);
    });
}
