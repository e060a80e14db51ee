import { Command } from 'commander';
import type { Attachment } from '../../core/tickets/attachments.js';
import type { CliContext } from '../context.js';
import { present, renderFields, renderTable } from '../output.js';
import { ticketNumber } from './present-ticket.js';

export const humanSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const attachmentFields = (a: Attachment): string =>
  renderFields([
    ['id', a.id],
    ['file', a.filename],
    ['type', a.contentType],
    ['size', humanSize(a.sizeBytes)],
    ['sha256', a.sha256],
    ['uploaded by', a.uploadedBy?.email],
    ['uploaded', a.createdAt],
  ]);

export function attachmentsCommand(ctx: CliContext): Command {
  return new Command('attachments')
    .description("List a ticket's attachments")
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .option('--json', 'print the attachments as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets attachments 1042\n  $ nexus tickets attachments 1042 --json')
    .action(async (ticket: string, flags: { json?: boolean }) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const list = await (await ctx.services()).tickets.listAttachments(actor, { ticket: number });
      present(ctx, flags, list, (rows) =>
        rows.length === 0
          ? `#${number} has no attachments.`
          : renderTable(
              rows,
              [
                { header: 'id', value: (a) => a.id },
                { header: 'file', value: (a) => a.filename },
                { header: 'type', value: (a) => a.contentType },
                { header: 'size', value: (a) => humanSize(a.sizeBytes) },
                { header: 'by', value: (a) => a.uploadedBy?.email },
                { header: 'uploaded', value: (a) => a.createdAt.replace('T', ' ').slice(0, 16) },
              ],
              ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined,
            ),
      );
    });
}
