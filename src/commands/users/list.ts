import { Command, Option } from 'commander';
import { ROLES } from '../../core/users/user.js';
import type { CliContext } from '../context.js';
import { present } from '../output.js';
import { usersTable } from './present-user.js';

export function listCommand(ctx: CliContext): Command {
  return new Command('list')
    .description('List accounts')
    .addOption(new Option('--role <role>', 'only this role').choices(ROLES))
    .option('--active', 'hide disabled accounts')
    .option('--search <text>', 'match email or name')
    .option('--limit <n>', 'at most this many', (v) => Number(v), 200)
    .option('--json', 'print the result as JSON')
    .addHelpText('after', '\nExamples:\n  $ nexus users list\n  $ nexus users list --role agent --json')
    .action(async (flags: { role?: 'customer'; active?: boolean; search?: string; limit: number; json?: boolean }) => {
      const actor = await ctx.actor();
      const users = await (await ctx.services()).users.list(actor, { role: flags.role, includeDisabled: !flags.active, search: flags.search, limit: flags.limit });
      present(ctx, flags, users, (u) => usersTable(u, ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined));
    });
}
