import { Command } from 'commander';
import type { CliContext } from './context.js';
import { progressPrinter, readDump, withSecretKey } from './dump-io.js';
import { present } from './output.js';

/** `nexus restore <file>`: a backup back into an empty data folder or database. */
export function command(ctx: CliContext): Command {
  return new Command('restore')
    .description('Restore a backup (or an export) into an empty data folder or database')
    .argument('<file>', 'a file written by `nexus backup` or `nexus export`')
    .option('--progress', 'show progress on stderr (default on a terminal)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ NEXUS_DATA_DIR=/srv/nexus-restored nexus restore desk.nexus.gz\n  $ NEXUS_DATABASE_URL=postgres://… nexus restore desk.nexus.gz --json')
    .action(async (file: string, flags: { progress?: boolean; json?: boolean }) => {
      const [{ config }, database, { loadDesk }, { createBlobStore }] = await Promise.all([ctx.config(), ctx.db(), import('../core/backup/desk-dump.js'), import('../core/storage/create-blob-store.js')]);
      const progress = progressPrinter(ctx, flags.progress);
      const result = await loadDesk(database.db, await createBlobStore(config), withSecretKey(readDump(file), config.databaseUrl ? undefined : config.dataDir), progress);
      if (progress) ctx.io.stderr.write('\n');
      present(ctx, flags, { file, rows: result.rows, attachments: result.blobs }, (r) => `Restored ${r.rows} rows and ${r.attachments} attachments from ${r.file}.`);
    });
}
