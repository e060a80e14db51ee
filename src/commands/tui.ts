import { Command } from 'commander';
import { NexusError } from '../core/errors.js';
import type { CliContext } from './context.js';

/** `nexus tui`: ink and React load here, only when the TUI is started, never for other commands. */
export function command(ctx: CliContext): Command {
  return new Command('tui')
    .description("The agents' queue in the terminal: views, the ticket pane and actions by key (agents and admins)")
    .option('--search <query>', 'open with a Saved view for this search (also: press s on a filter)')
    .option('--refresh <seconds>', 'how often the queue refreshes itself', '3')
    .addHelpText('after', '\nKeys: press ? inside, or see docs/tui.md.\n\nExamples:\n  $ nexus tui\n  $ nexus tui --search "refund" --refresh 5')
    .action(async (flags: { search?: string; refresh: string }) => {
      if (!ctx.io.stdin.isTTY || !ctx.io.stdout.isTTY) {
        throw new NexusError('INVALID_USAGE', '`nexus tui` needs an interactive terminal', {
          hint: 'In scripts and pipes use `nexus tickets list` (add --json for a document).',
        });
      }
      const seconds = Number(flags.refresh);
      if (!Number.isFinite(seconds) || seconds < 1 || seconds > 3600) {
        throw new NexusError('VALIDATION_FAILED', 'Invalid input — --refresh: must be a number of seconds from 1 to 3600', {
          details: [{ path: '--refresh', message: 'must be a number of seconds from 1 to 3600' }],
        });
      }
      const actor = await ctx.actor();
      if (actor.role === 'customer') {
        throw new NexusError('FORBIDDEN', 'The queue is for agents and admins', { hint: 'Customers see their own tickets with `nexus tickets list`.' });
      }
      const services = await ctx.services();
      // React picks its build when first loaded: without this the TUI would run React's slower
      // development build (nothing else in the CLI loads React).
      process.env.NODE_ENV ??= 'production';
      const [{ runTui }, { serviceDesk }] = await Promise.all([import('../tui/run-tui.js'), import('../tui/desk.js')]);
      await runTui({
        desk: serviceDesk(services, actor),
        env: ctx.io.env,
        stdin: ctx.io.stdin as NodeJS.ReadStream,
        stdout: ctx.io.stdout as NodeJS.WriteStream,
        savedSearch: flags.search?.trim() || null,
        pollMs: seconds * 1000,
      });
    });
}
