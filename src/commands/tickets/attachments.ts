import { Command } from 'commander';
import type { Attachment } from '../../core/tickets/attachments.js';
import type { CliContext } from '../context.js';
import { fetchList, presentList, withListOptions, type ListFlags } from '../list-output.js';
import { renderFields } from '../output.js';
import { ticketNumber } from './present-ticket.js';
import { formatTime } from '../time-format.js';

export const humanSize = (bytes: number): string =>
  bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

export const attachmentFields = (a: Attachment): string =>
  renderFields([
    ['id', a.id],
    ['file', a.filename],
    ['type', a.contentType],
    ['size', humanSize(a.sizeBytes)],
    ['sha256', a.sha256],
    ['uploaded by', a.uploadedBy?.email ?? a.uploadedBy?.name],
    ['uploaded', formatTime(a.createdAt)],
  ]);

export function attachmentsCommand(ctx: CliContext): Command {
  return withListOptions(new Command('attachments').description("List a ticket's attachments").argument('<ticket>', 'ticket number, e.g. 1042'), 'attachments')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets attachments 1042\n  $ nexus tickets attachments 1042 --json')
    .action(async (ticket: string, flags: ListFlags) => {
      const number = ticketNumber(ticket);
      const actor = await ctx.actor();
      const services = await ctx.services();
      const page = await fetchList(flags, () => services.tickets.listAttachments(actor, { ticket: number }));
      presentList<Attachment>(ctx, flags, page, {
        empty: `#${number} has no attachments.`,
        columns: [
                { header: 'id', value: (a) => a.id },
                { header: 'file', value: (a) => a.filename },
                { header: 'type', value: (a) => a.contentType },
                { header: 'size', value: (a) => humanSize(a.sizeBytes) },
                { header: 'by', value: (a) => a.uploadedBy?.email ?? a.uploadedBy?.name },
                { header: 'uploaded', value: (a) => formatTime(a.createdAt) },
        ],
      });
    });
}
