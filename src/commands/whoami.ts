import { Command } from 'commander';
import type { CliContext } from './context.js';
import { present, renderFields } from './output.js';

export function command(ctx: CliContext): Command {
  return new Command('whoami')
    .description('Show who you are logged in as')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus whoami\n  $ nexus whoami --json')
    .action(async (flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const desk = await ctx.sessionTarget();
      present(ctx, flags, { email: actor.email, name: actor.name, role: actor.role, id: actor.id, desk }, (a) =>
        renderFields([
          ['email', a.email],
          ['name', a.name],
          ['role', a.role],
          ['desk', a.desk],
        ]),
      );
    });
}
