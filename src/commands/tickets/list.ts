import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { note, present } from '../output.js';
import { ticketsTable } from './present-ticket.js';

interface ListFlags {
  status?: string;
  priority?: string;
  assignee?: string;
  customer?: string;
  context?: string;
  tag?: string;
  category?: string;
  from?: string;
  to?: string;
  search?: string;
  sort?: string;
  limit?: string;
  cursor?: string;
  sla?: string;
  json?: boolean;
}

export function listCommand(ctx: CliContext): Command {
  return new Command('list')
    .description('List tickets, newest first; filter, search and page through them')
    .option('--status <list>', 'open, pending, escalated, assigned, closed (comma-separated)')
    .option('--priority <list>', 'low, medium, high, urgent (comma-separated)')
    .option('--assignee <who>', 'an agent email, @me, or none')
    .option('--customer <email>', "only this customer's tickets")
    .option('--context <context>', 'only tickets opened with this context')
    .option('--tag <tag>', 'only tickets with this tag')
    .option('--category <category>', 'only tickets in this category')
    .option('--from <date>', 'created at or after (2026-11-01 or an ISO time)')
    .option('--to <date>', 'created before; a bare date includes that day')
    .option('--search <text>', 'full-text search over subjects and messages ("phrases", -not, or)')
    .option('--sort <sort>', '-created (default), created, -updated, priority, number, relevance (default when searching), due (next SLA due time first)')
    .option('--sla <state>', 'only tickets whose SLA is breached or due-soon')
    .option('--limit <n>', 'tickets per page, 1–100', '25')
    .option('--cursor <cursor>', 'the nextCursor of the previous page')
    .option('--json', 'print {"tickets": [...], "nextCursor": ...} as JSON')
    .addHelpText('after', `
Examples:
  $ nexus tickets list --status open,escalated --assignee none
  $ nexus tickets list --assignee @me --sort priority
  $ nexus tickets list --search "refund -paypal" --json
  $ nexus tickets list --from 2026-11-01 --to 2026-11-30 --limit 100 --json | jq -r .nextCursor`)
    .action(async (flags: ListFlags) => {
      const actor = await ctx.actor();
      const page = await (await ctx.services()).tickets.list(actor, {
        status: flags.status,
        priority: flags.priority,
        assignee: flags.assignee,
        customer: flags.customer,
        context: flags.context,
        tag: flags.tag,
        category: flags.category,
        from: flags.from,
        to: flags.to,
        q: flags.search,
        sort: flags.sort as never,
        limit: flags.limit,
        cursor: flags.cursor,
        sla: flags.sla as never,
      });
      present(ctx, flags, page, (p) => ticketsTable(p.tickets, ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined));
      if (!flags.json && page.nextCursor) note(ctx, `More tickets: add --cursor ${page.nextCursor}`);
    });
}
