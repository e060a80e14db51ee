import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, safe } from '../output.js';

export function renameCommand(ctx: CliContext): Command {
  return new Command('rename')
    .description('Rename a tag and/or change its colour (admin); tagged tickets follow')
    .argument('<name>', 'current name')
    .argument('[newName]', 'new name')
    .option('--color <hex>', 'new colour like #1f6feb')
    .option('--no-color', 'remove the colour')
    .option('--json', 'print the tag as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tags rename billing invoices\n  $ nexus tags rename vip --color "#ff0000" --json')
    .action(async (name: string, newName: string | undefined, flags: { color?: string | false; json?: boolean }) => {
      const actor = await ctx.actor();
      const color = flags.color === false ? null : flags.color;
      const tag = await (await ctx.services()).tags.update(actor, { name, newName, color });
      present(ctx, flags, tag, (t) => `✓ Tag ${safe(t.name)}${t.color ? ` (${safe(t.color)})` : ''}`);
    });
}
