import { Command } from 'commander';
import type { CliContext } from './context.js';
import { openDumpWriter, progressPrinter } from './dump-io.js';
import { present } from './output.js';

/** `nexus backup <file>`: one consistent snapshot of the desk — database and attachments — while it runs. */
export function command(ctx: CliContext): Command {
  return new Command('backup')
    .description('Write a consistent snapshot of the desk (database and attachments) to one file, without stopping it')
    .argument('<file>', 'the backup file to write (gzip-compressed JSON Lines)')
    .option('--progress', 'show progress on stderr (default on a terminal)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus backup /var/backups/nexus-$(date +%F).nexus.gz\n  $ nexus backup desk.nexus.gz --json\n\nRestore with `nexus restore <file>` into an empty data folder or database.')
    .action(async (file: string, flags: { progress?: boolean; json?: boolean }) => {
      const [{ config }, database, { dumpDesk }, { createBlobStore }] = await Promise.all([ctx.config(), ctx.db(), import('../core/backup/desk-dump.js'), import('../core/storage/create-blob-store.js')]);
      const writer = await openDumpWriter(ctx, file, true);
      try {
        const result = await dumpDesk(database.db, await createBlobStore(config), (r) => writer.write(r), progressPrinter(ctx, flags.progress));
        // The embedded desk's generated secret (tokens, stored credentials) travels with its data.
        const { existsSync, readFileSync } = await import('node:fs');
        const secretFile = (await import('node:path')).join(config.dataDir, 'secret.key');
        if (!config.databaseUrl && existsSync(secretFile)) await writer.write({ type: 'file', name: 'secret.key', base64: readFileSync(secretFile).toString('base64') });
        await writer.finish();
        if (progressPrinter(ctx, flags.progress)) ctx.io.stderr.write('\n');
        present(ctx, flags, { file, rows: result.rows, attachments: result.blobs }, (r) => `Backed up ${r.rows} rows and ${r.attachments} attachments to ${r.file}.`);
      } catch (error) {
        writer.abort();
        throw error;
      }
    });
}
