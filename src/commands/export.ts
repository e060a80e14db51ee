import { Command } from 'commander';
import type { CliContext } from './context.js';
import { openDumpWriter, progressPrinter } from './dump-io.js';

/** `nexus export`: the desk as portable, versioned JSON Lines — to move it to a Postgres server or Supabase. */
export function command(ctx: CliContext): Command {
  return new Command('export')
    .description('Write the whole desk (users, tickets, messages, events, catalogues, attachments) as portable JSON Lines')
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .option('--progress', 'show progress on stderr (default on a terminal)')
    .addHelpText('after', '\nExamples:\n  $ nexus export --output desk.jsonl\n  $ nexus export | NEXUS_DATABASE_URL=postgres://… nexus import -\n\nFormat: one JSON record per line — header (format, version, migrations), sequences, rows per table, attachments (base64), end.')
    .action(async (flags: { output?: string; progress?: boolean }) => {
      const [{ config }, database, { dumpDesk }, { createBlobStore }] = await Promise.all([ctx.config(), ctx.db(), import('../core/backup/desk-dump.js'), import('../core/storage/create-blob-store.js')]);
      const writer = await openDumpWriter(ctx, flags.output, false);
      const progress = progressPrinter(ctx, flags.progress);
      try {
        await dumpDesk(database.db, await createBlobStore(config), (r) => writer.write(r), progress);
        await writer.finish();
        if (progress) ctx.io.stderr.write('\n');
      } catch (error) {
        writer.abort();
        throw error;
      }
    });
}
