import { Command } from 'commander';
import type { CliContext } from './context.js';
import { present } from './output.js';

const MARK = { ok: '✓', warn: '!', fail: '✗' } as const;

export function command(ctx: CliContext): Command {
  return new Command('doctor')
    .description('Check what is configured and what is missing (exits 1 when something is broken)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus doctor\n  $ nexus doctor --json')
    .action(async (flags: { json?: boolean }) => {
      const resolved = await ctx.config();
      const { diagnose } = await import('../core/setup/diagnose.js');
      const { describeTarget } = await import('../core/db/database.js');
      let database: Parameters<typeof diagnose>[0]['database'];
      // The doctor only looks: a folder with no desk in it (a mistyped --data-dir) is reported, never created.
      const { existsSync } = await import('node:fs');
      const { join } = await import('node:path');
      const noDeskHere = !resolved.config.databaseUrl && !existsSync(join(resolved.config.dataDir, 'pgdata'));
      if (noDeskHere) {
        database = { target: describeTarget(resolved.config), error: `No desk here: ${resolved.config.dataDir} has no Nexus database (create one with \`nexus init\`, or check --data-dir)` };
      } else try {
        const opened = await ctx.db({ migrate: false });
        const { migrationStatus } = await import('../core/db/migrator.js');
        const { countActiveAdmins } = await import('../core/users/user.js');
        const status = await migrationStatus(opened.db);
        const admins = status.applied > 0 ? await countActiveAdmins(opened.db) : 0;
        database = { target: opened.target, current: status.current, pending: status.pending, admins };
      } catch (error) {
        database = { target: describeTarget(resolved.config), error: error instanceof Error ? error.message : String(error) };
      }
      const checks = diagnose({ config: resolved.config, nodeVersion: process.versions.node, database });
      const healthy = checks.every((c) => c.level !== 'fail');
      present(ctx, flags, { healthy, checks }, (r) =>
        r.checks.map((c) => `${MARK[c.level]} ${c.name.padEnd(12)} ${c.message}${c.hint ? `\n  ${''.padEnd(12)} ${c.hint}` : ''}`).join('\n'),
      );
      if (!healthy) ctx.exitCode = 1;
    });
}
