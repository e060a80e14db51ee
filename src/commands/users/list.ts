import { Command, Option } from 'commander';
import { ROLES } from '../../core/users/user.js';
import type { CliContext } from '../context.js';
import { fetchList, presentList, withListOptions, type ListFlags } from '../list-output.js';
import { USER_COLUMNS } from './present-user.js';

interface UsersListFlags extends ListFlags {
  role?: 'customer';
  active?: boolean;
  search?: string;
  limit: string;
}

export function listCommand(ctx: CliContext): Command {
  return withListOptions(
    new Command('list')
      .description('List accounts')
      .addOption(new Option('--role <role>', 'only this role').choices(ROLES))
      .option('--active', 'hide disabled accounts')
      .option('--search <text>', 'match email or name')
      .option('--limit <n>', 'accounts per page, 1–1000', '200'),
    'accounts',
    { paged: true },
  )
    .addHelpText('after', '\nExamples:\n  $ nexus users list\n  $ nexus users list --role agent --json\n  $ nexus users list --role customer --all --format csv > customers.csv')
    .action(async (flags: UsersListFlags) => {
      const actor = await ctx.actor();
      const services = await ctx.services();
      const page = await fetchList(flags, (cursor) =>
        services.users.list(actor, { role: flags.role, includeDisabled: !flags.active, search: flags.search, limit: flags.limit, cursor }),
      );
      presentList(ctx, flags, page, { columns: USER_COLUMNS, empty: 'No users match.' });
    });
}
