import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, safe } from '../output.js';

export function deleteCommand(ctx: CliContext): Command {
  return new Command('delete')
    .description('Delete a tag (admin); it is removed from every ticket, with a history entry on each')
    .argument('<name>', 'tag name')
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus tags delete obsolete\n  $ nexus tags delete obsolete --json')
    .action(async (name: string, flags: { json?: boolean }) => {
      const actor = await ctx.actor();
      const result = await (await ctx.services()).tags.delete(actor, { name });
      present(ctx, flags, result, (r) => `✓ Deleted tag ${safe(r.name)} (removed from ${r.ticketsUntagged} ticket(s))`);
    });
}
