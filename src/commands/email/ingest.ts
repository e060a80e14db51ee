import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { present, renderTable } from '../output.js';

export function ingestCommand(ctx: CliContext): Command {
  return new Command('ingest')
    .description('Deliver raw .eml messages to a mailbox in order, exactly as a poll would (each at its Date header)')
    .argument('<files...>', 'RFC 5322 message files, delivered in the order given')
    .requiredOption('--mailbox <address>', 'the address they were delivered to (an account address or alias)')
    .option('--json', 'print {items: [{file, decision, ticket, autoReply, …}], nextCursor}')
    .addHelpText('after', '\nExamples:\n  $ nexus email ingest mail/01.eml mail/02.eml --mailbox support@example.com\n  $ nexus email ingest *.eml --mailbox support@example.com --json')
    .action(async (files: string[], flags: { mailbox: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const loaded = await Promise.all(
        files.map(async (file) => {
          try {
            return { name: basename(file), raw: new Uint8Array(await readFile(file)) };
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new NexusError('NOT_FOUND', `No such file: ${file}`);
            throw error;
          }
        }),
      );
      const items = await (await ctx.services()).email.ingestFiles(actor, { mailbox: flags.mailbox, files: loaded });
      present(ctx, flags, { items, nextCursor: null }, (doc) =>
        renderTable(doc.items, [
          { header: 'file', value: (r) => r.file },
          { header: 'decision', value: (r) => r.decision },
          { header: 'ticket', value: (r) => (r.ticketNumber === null ? null : `#${r.ticketNumber}`) },
          { header: 'auto-reply', value: (r) => (r.autoReply ? 'queued' : 'no') },
          { header: 'reason', value: (r) => r.reason },
        ]),
      );
    });
}
