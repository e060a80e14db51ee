import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable, safe } from '../output.js';

export function statusCommand(ctx: CliContext): Command {
  return new Command('status')
    .description("Each account's last poll, last error and backlog; the outbound queue; the webhook inbox; bounce counts per ticket; quarantined messages with their reason")
    .option('--json', 'print the status document')
    .addHelpText('after', '\nExamples:\n  $ nexus email status\n  $ nexus email status --json')
    .action(async (flags: { json?: boolean }) => {
      const status = await (await ctx.services()).email.status(await ctx.actor());
      present(ctx, flags, status, (s) =>
        [
          s.accounts.length === 0
            ? 'No mail accounts.'
            : renderTable(s.accounts, [
                { header: 'account', value: (a) => a.address },
                { header: 'inbound', value: (a) => a.inbound },
                { header: 'last poll', value: (a) => a.lastPollAt },
                { header: 'backlog', value: (a) => a.backlog },
                { header: 'last error', value: (a) => a.lastError },
              ]),
          '',
          `Outbox: ${s.outbox.queued} queued, ${s.outbox.failed} failed, ${s.outbox.sent} sent`,
          `Webhook inbox: ${s.inbox.waiting} waiting${s.inbox.oldestAt ? ` (oldest ${s.inbox.oldestAt})` : ''}${s.inbox.lastError ? `; last error: ${safe(s.inbox.lastError)}` : ''}`,
          ...(s.bounces.length === 0
            ? []
            : [
                '',
                'Bounced mail (RFC 3463: transient 4.x.x, permanent 5.x.x):',
                renderTable(s.bounces, [
                  { header: 'ticket', value: (b) => `#${b.ticketNumber}` },
                  { header: 'transient', value: (b) => b.transient },
                  { header: 'permanent', value: (b) => b.permanent },
                  { header: 'last status', value: (b) => b.lastStatus },
                  { header: 'last recipient', value: (b) => b.lastRecipient },
                  { header: 'last bounce', value: (b) => b.lastBounceAt },
                ]),
              ]),
          ...(s.quarantined.length === 0
            ? []
            : [
                '',
                'Quarantined:',
                renderTable(s.quarantined, [
                  { header: 'received', value: (q) => q.receivedAt },
                  { header: 'from', value: (q) => q.from },
                  { header: 'subject', value: (q) => q.subject },
                  { header: 'reason', value: (q) => q.reason },
                ]),
              ]),
        ].join('\n'),
      );
    });
}
