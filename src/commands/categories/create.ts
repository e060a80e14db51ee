import { Command } from 'commander';
import type { CliContext } from '../context.js';
import { present, safe } from '../output.js';

export function createCommand(ctx: CliContext): Command {
  return new Command('create')
    .description('Add a category (admin); names are unique regardless of case')
    .argument('<name>', 'category name (at most 100 characters)')
    .option('--description <text>', 'what belongs in it')
    .option('--json', 'print the category as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus categories create Billing --description "Invoices, refunds, payment methods"\n  $ nexus categories create Access --json')
    .action(async (name: string, flags: { description?: string; json?: boolean }) => {
      const actor = await ctx.actor();
      const category = await (await ctx.services()).categories.create(actor, { name, description: flags.description });
      present(ctx, flags, category, (c) => `✓ Created category ${safe(c.name)}`);
    });
}
