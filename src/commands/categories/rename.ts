import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, safe } from '../output.js';

export function renameCommand(ctx: CliContext): Command {
  return new Command('rename')
    .description('Rename a category and/or change its description (admin)')
    .argument('<name>', 'current name')
    .argument('[newName]', 'new name')
    .option('--description <text>', 'new description')
    .option('--json', 'print the category as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus categories rename Billing Payments\n  $ nexus categories rename Access --description "Logins and 2FA" --json')
    .action(async (name: string, newName: string | undefined, flags: { description?: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const category = await (await ctx.services()).categories.update(actor, { name, newName, description: flags.description });
      present(ctx, flags, category, (c) => `✓ Category ${safe(c.name)}`);
    });
}
