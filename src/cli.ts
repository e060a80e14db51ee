import type { Command } from 'commander';
import { NexusError } from './core/errors.js';
import { CliContext } from './commands/context.js';
import { processIo, type CliIo } from './commands/io.js';
import { COMMANDS } from './commands/registry.js';
import { reportError } from './commands/report-error.js';
import { VERSION } from './version.js';

const GLOBAL_WITH_VALUE = new Set(['--data-dir', '--database-url']);

/** The first word that is not a global option: the command to load. */
function commandName(argv: string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (GLOBAL_WITH_VALUE.has(arg)) i++;
    else if (!arg.startsWith('-')) return arg === 'help' ? argv[i + 1] : arg;
  }
  return undefined;
}

function applyToTree(command: Command, io: CliIo, json: boolean): void {
  command.exitOverride();
  command.showSuggestionAfterError(true);
  command.configureOutput({
    writeOut: (s) => io.stdout.write(s),
    writeErr: (s) => (json ? undefined : io.stderr.write(s)),
    outputError: () => {}, // reported once, by reportError
  });
  for (const sub of command.commands) applyToTree(sub, io, json);
}

async function buildProgram(ctx: CliContext, argv: string[]): Promise<Command> {
  const { Command } = await import('commander');
  const program = new Command('nexus')
    .description('Nexus: an AI-assisted customer-support desk')
    .version(VERSION, '-V, --version', 'print the version')
    .option('--data-dir <dir>', 'embedded data folder (env: NEXUS_DATA_DIR)')
    .option('--database-url <url>', 'Postgres server or Supabase connection string (env: NEXUS_DATABASE_URL)')
    .option('--no-input', 'never prompt; fail instead when something is missing')
    .option('--verbose', 'print details of unexpected errors')
    .helpCommand('help [command]', 'show help for a command')
    .addHelpText('after', '\nExamples:\n  $ nexus init\n  $ nexus tickets list --status open\n  $ nexus users create --email ana@example.com --role agent\n\nDocs: docs/cli.md')
    .hook('preAction', (_cmd, action) => {
      ctx.globals = program.opts();
      ctx.activeCommand = action;
      ctx.commandLine = `nexus ${action.parent && action.parent !== program ? `${action.parent.name()} ` : ''}${action.name()}`;
    });
  const wanted = commandName(argv);
  for (const entry of COMMANDS) {
    if (entry.name === wanted) program.addCommand((await entry.load()).command(ctx));
    else if (!entry.hidden) program.command(entry.name).description(entry.summary).allowUnknownOption().helpOption(false);
  }
  applyToTree(program, ctx.io, argv.includes('--json'));
  return program;
}

/** `nexus help tickets list` is `nexus tickets list --help`. */
const helpFor = (argv: string[]): string[] => (argv[0] === 'help' && argv.length > 1 ? [...argv.slice(1), '--help'] : argv);

export async function runMain(rawArgv: string[], io: CliIo = processIo()): Promise<number> {
  const argv = helpFor(rawArgv);
  // The one answer that needs no parser: keeps `nexus --version` as fast as a bare node start.
  if (argv.length === 1 && (argv[0] === '--version' || argv[0] === '-V')) {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  const first = await runOnce(argv, io, true);
  // The background owner ended under the command: once more, on a fresh owner.
  return first === 'retry' ? ((await runOnce(argv, io, false)) as number) : first;
}

async function runOnce(argv: string[], io: CliIo, mayRetry: boolean): Promise<number | 'retry'> {
  const json = argv.includes('--json');
  const verbose = argv.includes('--verbose');
  const ctx = new CliContext(io);
  try {
    const program = await buildProgram(ctx, argv);
    if (argv.length === 0) {
      io.stdout.write(program.helpInformation());
      return 0;
    }
    // A group without a verb (`nexus tickets`) answers its help, successfully.
    const words = argv.filter((a) => !a.startsWith('-'));
    const group = words.length === 1 ? program.commands.find((c) => c.name() === words[0] && c.commands.length > 0) : undefined;
    if (group && !argv.some((a) => a === '--data-dir' || a === '--database-url')) {
      io.stdout.write(group.helpInformation());
      return 0;
    }
    await program.parseAsync(argv, { from: 'user' });
    return ctx.exitCode;
  } catch (error) {
    if (error instanceof Error && error.name === 'PromptInterrupted') {
      io.stderr.write('\n');
      return 130;
    }
    const { CommanderError } = await import('commander');
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return 0;
      const message = error.message.replace(/^error: /, '');
      return reportError(io, new NexusError('INVALID_USAGE', message, { hint: 'See `nexus --help` or `nexus <command> --help`.' }), { json, verbose });
    }
    if (mayRetry && (await ctx.lostItsOwner(error))) return 'retry';
    const { withFlagPaths } = await import('./commands/field-paths.js');
    return reportError(io, withFlagPaths(error, ctx.activeCommand), { json, verbose });
  } finally {
    await ctx.close().catch(() => {});
  }
}
