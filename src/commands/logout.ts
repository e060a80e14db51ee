import { Command } from 'commander';
import type { CliContext } from './context.js';
import { present } from './output.js';
import { openSessionStore } from './stores.js';

export function command(ctx: CliContext): Command {
  return new Command('logout')
    .description('End your session on this desk')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus logout')
    .action(async (flags: { json?: boolean }) => {
      const store = await openSessionStore(ctx.configDir);
      const target = await ctx.sessionTarget();
      const saved = store.get(target);
      if (saved) {
        const services = await ctx.services();
        await services.auth.endCliSession(saved.token);
        store.remove(target);
      }
      present(ctx, flags, { loggedOut: Boolean(saved), email: saved?.email ?? null }, (r) =>
        r.loggedOut ? `✓ Logged out ${r.email}` : 'You were not logged in to this desk.',
      );
    });
}
