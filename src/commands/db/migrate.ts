import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { note, present } from '../output.js';

export function migrateCommand(ctx: CliContext): Command {
  return new Command('migrate')
    .description('Apply pending migrations from supabase/migrations (safe to run again)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus db migrate\n  $ NEXUS_DATABASE_URL=postgres://… nexus db migrate --json')
    .action(async (flags: { json?: boolean }) => {
      const database = await ctx.db({ migrate: false });
      const { migrate } = await import('../../core/db/migrator.js');
      const tty = Boolean(ctx.io.stderr.isTTY) && !flags.json;
      const result = await migrate(database.db, { onApply: (m) => tty && note(ctx, `applying ${m.version}_${m.name}…`) });
      present(ctx, flags, { database: database.target, applied: result.applied.map((m) => ({ version: m.version, name: m.name })) }, (r) =>
        r.applied.length === 0 ? `✓ ${r.database} is up to date` : `✓ Applied ${r.applied.length} migration(s) to ${r.database}:\n${r.applied.map((m) => `  ${m.version}_${m.name}`).join('\n')}`,
      );
    });
}
