import { Command } from 'commander';
import type { CliContext } from './context.js';
import { progressPrinter, readDump, withSecretKey } from './dump-io.js';
import { present } from './output.js';

/** `nexus import <file>`: an export into an empty desk (typically a new Postgres server or Supabase project). */
export function command(ctx: CliContext): Command {
  return new Command('import')
    .description('Load a `nexus export` file into an empty desk (e.g. a new Postgres server or Supabase project)')
    .argument('<file>', 'the export file (`-` for stdin)')
    .option('--progress', 'show progress on stderr (default on a terminal)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ NEXUS_DATABASE_URL=postgres://… nexus import desk.jsonl --progress\n  $ nexus import desk.jsonl --json')
    .action(async (file: string, flags: { progress?: boolean; json?: boolean }) => {
      const [{ config }, database, { loadDesk }, { createBlobStore }] = await Promise.all([ctx.config(), ctx.db(), import('../core/backup/desk-dump.js'), import('../core/storage/create-blob-store.js')]);
      const progress = progressPrinter(ctx, flags.progress);
      const result = await loadDesk(database.db, await createBlobStore(config), withSecretKey(readDump(file, ctx.io.stdin as unknown as import('node:stream').Readable), config.databaseUrl ? undefined : config.dataDir), progress);
      if (progress) ctx.io.stderr.write('\n');
      present(ctx, flags, { file, rows: result.rows, attachments: result.blobs }, (r) => `Imported ${r.rows} rows and ${r.attachments} attachments from ${r.file}.`);
    });
}
