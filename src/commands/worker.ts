import { Command } from 'commander';
import { NexusError } from '../core/errors.js';
import type { CliContext } from './context.js';
import { note } from './output.js';

export function command(ctx: CliContext): Command {
  return new Command('worker')
    .description('Run the background jobs (AI replies) until stopped')
    .option('--concurrency <n>', 'jobs run at the same time', (v) => Number(v), 2)
    .option('--once', 'run every job that is ready now, then exit')
    .addHelpText(
      'after',
      '\nFor Postgres deployments (NEXUS_DATABASE_URL): run as many workers as you like beside `nexus serve`;\njobs are claimed with row locks and leases, so none runs twice and none is lost when a worker stops.\nOn the embedded desk, `nexus serve` already runs the workers.\n\nExamples:\n  $ NEXUS_DATABASE_URL=postgres://… nexus worker\n  $ nexus worker --once',
    )
    .action(async (flags: { concurrency: number; once?: boolean }) => {
      if (!Number.isInteger(flags.concurrency) || flags.concurrency < 1 || flags.concurrency > 64) {
        throw new NexusError('INVALID_USAGE', `--concurrency must be a whole number from 1 to 64, not ${flags.concurrency}`);
      }
      const database = await ctx.db();
      if (database.via === 'embedded' && !flags.once) {
        throw new NexusError('INVALID_USAGE', 'On the embedded desk the workers run inside `nexus serve`', {
          hint: 'Run `nexus serve`, or `nexus worker --once` to run the queued jobs now; separate workers need NEXUS_DATABASE_URL.',
        });
      }
      if (database.via === 'owner-socket') {
        throw new NexusError('DATA_DIR_LOCKED', '`nexus serve` owns this embedded desk and already runs its workers', {
          hint: 'Nothing to do here; use NEXUS_DATABASE_URL to run separate workers on a Postgres server.',
        });
      }
      const services = await ctx.services();
      if (flags.once) {
        let done = 0;
        while (await services.ai.runNextJob()) done++;
        note(ctx, `ran ${done} job${done === 1 ? '' : 's'}`);
        return;
      }
      const { hostname } = await import('node:os');
      const workers = services.startWorkers({
        concurrency: flags.concurrency,
        identity: { command: 'nexus worker', hostname: hostname(), pid: process.pid },
        onError: (error) => note(ctx, `job failed: ${error instanceof Error ? error.message : String(error)}`),
      });
      note(ctx, `worker running (${flags.concurrency} at a time); stop with Ctrl-C or SIGTERM`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          note(ctx, `${signal}: finishing running jobs`);
          workers.stop().then(resolve, resolve);
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      note(ctx, 'stopped');
    });
}
