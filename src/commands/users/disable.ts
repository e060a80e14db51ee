import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { confirm } from '../prompt.js';

function toggle(ctx: CliContext, name: 'disable' | 'enable'): Command {
  const disabled = name === 'disable';
  return new Command(name)
    .description(disabled ? 'Disable an account; its sessions and tokens end at once' : 'Enable a disabled account')
    .argument('<email>', 'account email')
    .option('--yes', 'do not ask for confirmation on a terminal')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', `\nExamples:\n  $ nexus users ${name} ana@example.com`)
    .action(async (email: string, flags: { yes?: boolean; json?: boolean }) => {
      if (disabled) await confirm(ctx, flags, `Disable ${email}? Their sessions and tokens end at once.`);
      const actor = await ctx.actor();
      const user = await (await ctx.services()).users.setDisabled(actor, { email, disabled });
      present(ctx, flags, user, (u) => `✓ ${u.email} is ${u.isDisabled ? 'disabled' : 'active'}`);
    });
}

export const disableCommand = (ctx: CliContext) => toggle(ctx, 'disable');
export const enableCommand = (ctx: CliContext) => toggle(ctx, 'enable');
