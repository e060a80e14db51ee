import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';

export function setRoleCommand(ctx: CliContext): Command {
  return new Command('set-role')
    .description("Change an account's role; its sessions end at once")
    .argument('<email>', 'account email')
    .argument('<role>', 'customer, agent or admin')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus users set-role ana@example.com admin')
    .action(async (email: string, role: string, flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const user = await (await ctx.services()).users.setRole(actor, { email, role: role as 'admin' });
      present(ctx, flags, user, (u) => `✓ ${u.email} is now ${u.role}`);
    });
}
