import { Command } from 'commander';
import type { CliContext } from './context.js';
import { present, renderFields } from './output.js';

/** How long an owner's shutdown may take before it stops waiting (its idle exit must not hang). */
const CLOSE_DEADLINE_MS = 10_000;

interface OwnerStatus {
  running: boolean;
  pid: number | null;
  command: string | null;
  startedAt: string | null;
  socket: string | null;
  dataDir: string;
}

async function ownerStatus(ctx: CliContext): Promise<OwnerStatus> {
  const { config } = await ctx.config();
  const { readLiveOwner } = await import('../core/db/lock.js');
  const owner = readLiveOwner(config.dataDir);
  return {
    running: owner !== null,
    pid: owner?.pid ?? null,
    command: owner?.command ?? null,
    startedAt: owner?.startedAt ?? null,
    socket: owner?.socket ?? null,
    dataDir: config.dataDir,
  };
}

const human = (s: OwnerStatus) =>
  s.running
    ? renderFields([
        ['running', 'yes'],
        ['pid', s.pid],
        ['command', s.command],
        ['since', s.startedAt],
        ['data folder', s.dataDir],
      ])
    : renderFields([
        ['running', 'no'],
        ['data folder', s.dataDir],
      ]);

/**
 * `nexus owner`: the background owner of an embedded data folder. Commands start it on demand
 * (`embeddedOwner: background`), so the database starts once instead of in every command; they reach it
 * through its Unix socket. It ends by itself after `ownerIdleSeconds` with no command connected, on
 * SIGTERM (`nexus owner stop`), or when its data folder is removed or replaced.
 */
export function command(ctx: CliContext): Command {
  const owner = new Command('owner')
    .description('Show or stop the background process that holds the embedded database')
    .addHelpText('after', '\nExamples:\n  $ nexus owner status\n  $ nexus owner stop --json\n  $ nexus owner   # runs an owner; normally started by other commands, not by hand')
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
          // The folder was deleted or re-created, or our lock is gone: this owner has nothing left to hold.
          if (!database.lock!.isStillOwned()) return stop();
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
      const deadline = new Promise<void>((resolve) => setTimeout(resolve, CLOSE_DEADLINE_MS).unref());
      await Promise.race([
        (async () => {
          await shared.close();
          await database.close();
        })(),
        deadline,
      ]);
    });

  owner
    .command('status')
    .description('Show whether a process holds the embedded database, and which')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus owner status\n  $ nexus owner status --json')
    .action(async (flags: { json?: boolean }) => present(ctx, flags, await ownerStatus(ctx), human));

  owner
    .command('stop')
    .description('Stop the background process that holds the embedded database (not `nexus serve`)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus owner stop\n  $ nexus owner stop --json')
    .action(async (flags: { json?: boolean }) => {
      const status = await ownerStatus(ctx);
      const { BACKGROUND_OWNER_COMMAND, isProcessAlive } = await import('../core/db/lock.js');
      if (status.running && status.command !== BACKGROUND_OWNER_COMMAND) {
        const { NexusError } = await import('../core/errors.js');
        throw new NexusError('CONFLICT', `The data folder is held by pid ${status.pid} (${status.command}), not by a background owner`, {
          hint: 'Stop that process itself (e.g. Ctrl-C or SIGTERM for `nexus serve`).',
        });
      }
      if (status.running) {
        process.kill(status.pid!, 'SIGTERM');
        const deadline = Date.now() + 15_000;
        while (isProcessAlive(status.pid!) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
      }
      present(ctx, flags, { stopped: status.running, pid: status.pid, dataDir: status.dataDir }, (r) =>
        r.stopped ? `Stopped the background owner (pid ${r.pid}).` : 'No background owner was running.',
      );
    });
  return owner;
}
