import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import { NexusError } from '../../core/errors.js';
import { attachmentTooLarge, MAX_ATTACHMENT_BYTES } from '../../core/tickets/attachments-content.js';
import type { CliContext } from '../context.js';
import { present, safe } from '../output.js';
import { attachmentFields } from './attachments.js';
import { ticketNumber } from './present-ticket.js';

async function readInput(ctx: CliContext, file: string): Promise<Uint8Array> {
  if (file === '-') {
    const chunks: Buffer[] = [];
    for await (const chunk of ctx.io.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
    return Buffer.concat(chunks);
  }
  try {
    // Refuse a huge file from its size, before reading it into memory.
    const { size, isFile } = await stat(file).then((s) => ({ size: s.size, isFile: s.isFile() }));
    if (isFile && size > MAX_ATTACHMENT_BYTES) throw attachmentTooLarge(size);
    return await readFile(file);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new NexusError('NOT_FOUND', `No such file: ${file}`);
    if (code === 'EISDIR') throw new NexusError('VALIDATION_FAILED', `${file} is a folder, not a file`);
    throw error;
  }
}

export function attachCommand(ctx: CliContext): Command {
  return new Command('attach')
    .description('Attach a file to a ticket (at most 10 MB; images, PDF, text/CSV, docx/xlsx — checked by content)')
    .argument('<ticket>', 'ticket number, e.g. 1042')
    .argument('<file>', 'path of the file, or - to read standard input (then --name is required)')
    .option('--name <filename>', 'the name to store (default: the file name)')
    .option('--message <id>', 'tie the file to one message of the thread')
    .option('--json', 'print the attachment as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tickets attach 1042 ./screenshot.png\n  $ pg_dump … | nexus tickets attach 1042 - --name export.csv --json')
    .action(async (ticket: string, file: string, flags: { name?: string; message?: string; json?: boolean }) => {
      const number = ticketNumber(ticket);
      if (file === '-' && !flags.name) throw new NexusError('INVALID_USAGE', 'Reading standard input needs --name <filename>');
      const actor = await ctx.actor();
      const bytes = await readInput(ctx, file);
      const attachment = await (await ctx.services()).tickets.uploadAttachment(actor, {
        ticket: number,
        filename: flags.name ?? basename(file),
        bytes,
        messageId: flags.message,
      });
      present(ctx, flags, attachment, (a) => `✓ Attached ${safe(a.filename)} to #${a.ticketNumber}\n${attachmentFields(a)}`);
    });
}
