import { Command } from 'commander';
import type { OutboxMail } from '../../core/email/outbound/list-outbox.js';
import type { CliContext } from '../context.js';
import { fetchList, presentList, withListOptions, type ListFlags } from '../list-output.js';
import { formatTime } from '../time-format.js';

export function outboxCommand(ctx: CliContext): Command {
  return withListOptions(
    new Command('outbox')
      .description('The outbound mail: sent, waiting (with the next attempt) and failed mail, and the embedded outbox folder (admin)')
      .option('--status <status>', 'only queued, sending, sent or failed')
      .option('--limit <n>', 'mails per page, newest first, 1–500', '50'),
    'mails',
    { paged: true },
  )
    .addHelpText('after', '\nExamples:\n  $ nexus email outbox\n  $ nexus email outbox --status failed --json\n  $ nexus email outbox --all --format csv')
    .action(async (flags: ListFlags & { status?: string; limit: string }) => {
      const actor = await ctx.actor();
      const services = await ctx.services();
      const page = await fetchList(flags, (cursor) => services.email.outbox(actor, { status: flags.status as never, limit: flags.limit, cursor }));
      presentList<OutboxMail>(ctx, flags, page, {
        empty: 'The outbox is empty.',
        columns: [
          { header: 'created', value: (m) => formatTime(m.createdAt) },
          { header: 'status', value: (m) => m.status },
          { header: 'kind', value: (m) => m.kind },
          { header: 'ticket', value: (m) => (m.ticketNumber === null ? null : `#${m.ticketNumber}`) },
          { header: 'to', value: (m) => m.to },
          { header: 'tries', value: (m) => m.attempts },
          { header: 'subject', value: (m) => m.subject },
          { header: 'last error', value: (m) => m.lastError },
        ],
      });
    });
}
