import { Command } from 'commander';
import type { CliContext } from './context.js';
import { note } from './output.js';
import { serverLogStream } from './log-stream.js';

export function command(ctx: CliContext): Command {
  return new Command('serve')
    .description('Run the REST API (and the background workers) until stopped')
    .option('--host <address>', 'address to listen on (env: NEXUS_HOST; default 127.0.0.1)')
    .option('--port <n>', 'port to listen on, 0 for any free one (env: NEXUS_PORT; default 8080)')
    .addHelpText(
      'after',
      '\nExamples:\n  $ nexus serve\n  $ nexus serve --port 0\n  $ NEXUS_DATABASE_URL=postgres://… nexus serve --host 0.0.0.0 --port 8080\n\nWhile it runs on the embedded database, other nexus commands go through it. Stop with Ctrl-C or SIGTERM.',
    )
    .action(async (flags: { host?: string; port?: string }) => {
      const { config } = await ctx.config();
      const port = flags.port === undefined ? config.port : Number(flags.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        const { NexusError } = await import('../core/errors.js');
        throw new NexusError('INVALID_USAGE', `--port must be a whole number from 0 to 65535, not ${flags.port}`);
      }
      const { runServer } = await import('../server/run-server.js');
      const running = await runServer({
        config,
        host: flags.host ?? config.host,
        port,
        command: ctx.commandLine,
        logger: config.logLevel === 'silent' ? false : { level: config.logLevel, stream: serverLogStream(ctx.io.stderr), redact: ['req.headers.authorization', 'req.headers.cookie'] },
      });
      note(ctx, `listening on ${running.url} — API docs at ${running.url}/docs, OpenAPI at ${running.url}/openapi.json`);
      await new Promise<void>((resolve) => {
        const stop = (signal: NodeJS.Signals) => {
          process.off('SIGTERM', stop);
          process.off('SIGINT', stop);
          note(ctx, `${signal}: finishing in-flight requests and closing the database`);
          running.close().then(resolve, (error: unknown) => {
            note(ctx, `shutdown failed: ${error instanceof Error ? error.message : String(error)}`);
            resolve();
          });
        };
        process.on('SIGTERM', stop);
        process.on('SIGINT', stop);
      });
      note(ctx, 'stopped');
    });
}
