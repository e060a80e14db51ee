import { Command } from 'commander';
import type { AgentGroup } from '../../core/groups/agent-groups.js';
import type { CliContext } from '../context.js';
import { withFlagNames } from '../flag-names.js';
import { presentList, withListOptions, type ListFlags } from '../list-output.js';
import { present } from '../output.js';

const FLAGS = { name: '--name', members: '--members', add: '--add', remove: '--remove', group: '<group>' };
const members = (g: AgentGroup) => g.members.map((m) => `${m.email}${m.isDisabled ? ' (disabled)' : ''}`).join(', ') || null;

/** `nexus groups list|create|update|remove`: agent groups routing rules assign into. */
export function command(ctx: CliContext): Command {
  const groups = new Command('groups').description('Agent groups for routing (round-robin, least-loaded)');
  groups.addCommand(
    withListOptions(new Command('list').description('List agent groups and their members'), 'groups')
      .addHelpText('after', '\nExamples:\n  $ nexus groups list --json\n  $ nexus groups list --format csv')
      .action(async (flags: ListFlags) =>
        presentList(ctx, flags, await (await ctx.services()).groups.list(await ctx.actor()), {
          empty: 'No agent groups.',
          columns: [{ header: 'name', value: (g) => g.name }, { header: 'members', value: members }],
        }),
      ),
  );
  groups.addCommand(
    new Command('create')
      .description('Add an agent group (admin)')
      .argument('<name>', 'group name')
      .option('--members <emails>', 'agents in order, comma-separated')
      .option('--json', 'print the group as JSON')
      .addHelpText('after', '\nExamples:\n  $ nexus groups create "Tier 1" --members ana@example.com,bo@example.com')
      .action(async (name: string, flags: { members?: string; json?: boolean }) => {
        const group = await withFlagNames((await ctx.services()).groups.create(await ctx.actor(), { name, members: flags.members }), FLAGS);
        present(ctx, flags, group, (g) => `✓ Created group ${g.name} (${g.members.length} members)`);
      }),
  );
  groups.addCommand(
    new Command('update')
      .description('Rename a group or change its members (admin)')
      .addHelpText('after', '\nExamples:\n  $ nexus groups update "Tier 1" --add cy@example.com\n  $ nexus groups update "Tier 1" --remove bo@example.com')
      .argument('<group>', 'group name')
      .option('--name <name>', 'new name')
      .option('--members <emails>', 'replace the members (in order)')
      .option('--add <emails>', 'add members at the end')
      .option('--remove <emails>', 'remove members')
      .option('--json', 'print the group as JSON')
      .action(async (group: string, flags: { name?: string; members?: string; add?: string; remove?: string; json?: boolean }) => {
        const updated = await withFlagNames((await ctx.services()).groups.update(await ctx.actor(), { group, name: flags.name, members: flags.members, add: flags.add, remove: flags.remove }), FLAGS);
        present(ctx, flags, updated, (g) => `✓ Updated group ${g.name}: ${members(g) ?? 'no members'}`);
      }),
  );
  groups.addCommand(
    new Command('remove')
      .description('Remove a group no rule uses (admin)')
      .addHelpText('after', '\nExamples:\n  $ nexus groups remove "Tier 1"')
      .argument('<group>', 'group name')
      .option('--json', 'print the removed group as JSON')
      .action(async (group: string, flags: { json?: boolean }) => {
        const removed = await (await ctx.services()).groups.remove(await ctx.actor(), { group });
        present(ctx, flags, removed, (g) => `✓ Removed group ${g.name}`);
      }),
  );
  return groups;
}
