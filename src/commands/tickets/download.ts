import { writeFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Command } from 'commander';
import { NexusError } from '../../core/errors.js';
import type { CliContext } from '../context.js';
import { note, present } from '../output.js';
import { humanSize } from './attachments.js';
import { ticketNumber } from './present-ticket.js';

export function downloadCommand(ctx: CliContext): Command {
  return new Command('download')
    .description('Save an attachment to a file (default: its own name in the current folder; never overwrites without --force)')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .argument('<attachmentId>', 'id from `nexus tickets attachments N`')
    .option('-o, --output <file>', 'where to save it; - writes the bytes to standard output')
    .option('--force', 'overwrite an existing file')
    .option('--json', 'print the attachment and where it was saved as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets download 1042 3f2a…c9\n  $ nexus tickets download 1042 3f2a…c9 -o /tmp/invoice.pdf --json\n  $ nexus tickets download 1042 3f2a…c9 -o - > copy.png')
    .action(async (ticket: string, attachmentId: string, flags: { output?: string; force?: boolean; json?: boolean }) => {
      const number = ticketNumber(ticket);
      if (flags.output === '-' && flags.json) throw new NexusError('INVALID_USAGE', '--json and -o - both want standard output; pick one');
      const actor = await ctx.actor();
      const { attachment, bytes } = await (await ctx.services()).tickets.downloadAttachment(actor, { ticket: number, attachmentId });
      if (flags.output === '-') {
        ctx.io.stdout.write(bytes);
        return;
      }
      // The stored name is already sanitised (no folders), so the default stays in the current folder.
      const path = resolve(flags.output ?? attachment.filename);
      try {
        await writeFile(path, bytes, { flag: flags.force ? 'w' : 'wx' });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EEXIST') {
          throw new NexusError('CONFLICT', `${path} already exists`, { hint: 'Pass --force to overwrite it, or -o to choose another name.' });
        }
        throw error;
      }
      if (!flags.json) note(ctx, `✓ Saved ${attachment.filename} (${humanSize(attachment.sizeBytes)}) to ${path}`);
      present(ctx, flags, { ...attachment, savedTo: path }, () => '');
    });
}
