import { join } from 'node:path';
import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';

export function outboxCommand(ctx: CliContext): Command {
  return new Command('outbox')
    .description('The outbound mail queue: sent, waiting (with the next attempt) and failed mail (admin)')
    .option('--status <status>', 'only queued, sending, sent or failed')
    .option('--limit <n>', 'at most n mails (default 50)')
    .option('--cursor <cursor>', 'the nextCursor of the previous page')
    .option('--json', 'print {items, nextCursor}')
    .addHelpText('after', '\nExamples:\n  $ nexus email outbox\n  $ nexus email outbox --status failed --json')
    .action(async (flags: { status?: string; limit?: string; cursor?: string; json?: boolean }) => {
      const queue = await (await ctx.services()).email.outbox(await ctx.actor(), { status: flags.status as never, limit: flags.limit as never, cursor: flags.cursor });
      // Mail sent without an account (the embedded default) sits in the local outbox folder: listed too.
      const { config } = await ctx.config();
      const { readOutbox } = await import('../../core/email/outbox-transport.js');
      const local = flags.cursor || (flags.status && flags.status !== 'sent') ? [] : await readOutbox(join(config.dataDir, 'outbox'));
      const folderItems = local.reverse().map((m) => ({
        id: m.id,
        kind: 'local_outbox',
        automatic: false,
        status: 'sent',
        ticket: null,
        to: m.to,
        from: m.from ?? null,
        subject: m.subject,
        messageId: m.headers?.['Message-ID'] ?? null,
        providerMessageId: null,
        attempts: 1,
        nextAttemptAt: null,
        lastError: null,
        createdAt: m.sentAt,
        sentAt: m.sentAt,
        text: m.text,
      }));
      const page = { items: [...queue.items, ...folderItems], nextCursor: queue.nextCursor };
      present(ctx, flags, page, (p) =>
        p.items.length === 0
          ? 'The outbox is empty.'
          : renderTable(
              p.items,
              [
                { header: 'created', value: (m) => m.createdAt },
                { header: 'status', value: (m) => m.status },
                { header: 'kind', value: (m) => m.kind },
                { header: 'ticket', value: (m) => (m.ticket === null ? null : `#${m.ticket}`) },
                { header: 'to', value: (m) => m.to },
                { header: 'tries', value: (m) => m.attempts },
                { header: 'subject', value: (m) => m.subject },
                { header: 'last error', value: (m) => m.lastError },
              ],
              ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined,
            ),
      );
    });
}
