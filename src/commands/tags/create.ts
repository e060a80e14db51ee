import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, safe } from '../output.js';

export function createCommand(ctx: CliContext): Command {
  return new Command('create')
    .description('Add a tag to the catalogue (admin); names are unique regardless of case')
    .argument('<name>', 'tag name (at most 50 characters, no commas)')
    .option('--color <hex>', 'a colour like #1f6feb')
    .option('--json', 'print the tag as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tags create billing\n  $ nexus tags create vip --color "#d4a72c" --json')
    .action(async (name: string, flags: { color?: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const tag = await (await ctx.services()).tags.create(actor, { name, color: flags.color });
      present(ctx, flags, tag, (t) => `✓ Created tag ${safe(t.name)}${t.color ? ` (${safe(t.color)})` : ''}`);
    });
}
