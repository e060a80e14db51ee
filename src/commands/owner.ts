import { Command } from 'commander';
import type { CliContext } from './context.js';

/**
 * `nexus owner`: the background owner of an embedded data folder. Commands start it on demand
 * (`embeddedOwner: background`), so the database starts once instead of in every command; they reach it
 * through its Unix socket. It ends by itself after `ownerIdleSeconds` with no command connected, or on
 * SIGTERM. Not listed in `--help`: people run `nexus serve`, which does the same and more.
 */
export function command(ctx: CliContext): Command {
  return new Command('owner')
    .description('Hold the embedded database for other commands until idle (started by nexus itself)')
    .addHelpText('after', '\nExamples:\n  $ nexus owner   # normally started by other commands, not by hand')
    .action(async () => {
      const { config } = await ctx.config();
      const { openDatabase } = await import('../core/db/database.js');
      const { BACKGROUND_OWNER_COMMAND } = await import('../core/db/lock.js');
      const database = await openDatabase({ dataDir: config.dataDir, command: BACKGROUND_OWNER_COMMAND, lockWaitMs: 0 });
      if (database.via !== 'embedded') {
        await database.close(); // someone else owns it already: nothing to do
        return;
      }
      const { shareEmbedded } = await import('../server/run-server.js');
      const shared = await shareEmbedded(database, config.dataDir);
      await new Promise<void>((resolve) => {
        let idleSince = Date.now();
        const timer = setInterval(() => {
          if (shared.activeClients() > 0) idleSince = Date.now();
          else if (Date.now() - idleSince >= config.ownerIdleSeconds * 1000) stop();
        }, 250);
        function stop() {
          clearInterval(timer);
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          resolve();
        }
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      await shared.close();
      await database.close();
    });
}
