import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { confirm } from '../prompt.js';

export function setRoleCommand(ctx: CliContext): Command {
  return new Command('set-role')
    .description("Change an account's role; its sessions end at once")
    .argument('<email>', 'account email')
    .argument('<role>', 'customer, agent or admin')
    .option('--yes', 'do not ask for confirmation on a terminal (when you demote yourself)')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus users set-role ana@example.com admin')
    .action(async (email: string, role: string, flags: { yes?: boolean; json?: boolean }) => {
      const actor = await ctx.actor();
      if (actor.email === email.trim().toLowerCase() && actor.role === 'admin' && role !== 'admin') {
        await confirm(ctx, flags, `Demote yourself to ${role}? You lose admin rights at once.`);
      }
      const user = await (await ctx.services()).users.setRole(actor, { email, role: role as 'admin' });
      present(ctx, flags, user, (u) => `✓ ${u.email} is now ${u.role}`);
    });
}
