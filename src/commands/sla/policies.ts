import { Command } from 'commander';
import type { SlaPolicy } from '../../core/sla/sla-schemas.js';
import { formatDuration } from '../../core/sla/sla-clock.js';
import type { CliContext } from '../context.js';
import { withFlagNames } from '../flag-names.js';
import { presentList, withListOptions, type ListFlags } from '../list-output.js';
import { present, type Column } from '../output.js';

const FLAGS = { name: '--name', priority: '--priority', firstResponse: '--first-response', resolution: '--resolution', calendar: '--calendar', pauseStatuses: '--pause-on', warnPercent: '--warn-at', policy: '<policy>' };

interface PolicyFlags {
  name?: string;
  priority?: string;
  firstResponse?: string;
  resolution?: string;
  calendar?: string;
  noCalendar?: boolean;
  pauseOn?: string;
  aiCounts?: boolean;
  warnAt?: string;
  json?: boolean;
}

const POLICY_COLUMNS: Column<SlaPolicy>[] = [
  { header: 'name', value: (p) => p.name },
  { header: 'priority', value: (p) => p.priority },
  { header: 'first response', value: (p) => formatDuration(p.firstResponseSeconds) },
  { header: 'resolution', value: (p) => formatDuration(p.resolutionSeconds) },
  { header: 'calendar', value: (p) => p.calendar?.name ?? 'around the clock' },
  { header: 'pauses on', value: (p) => p.pauseStatuses.join(', ') },
  { header: 'warn at', value: (p) => `${p.warnPercent}%` },
];

const withOptions = (command: Command) =>
  command
    .option('--first-response <duration>', 'first-response target in business time, e.g. 4h, 30m, 1d')
    .option('--resolution <duration>', 'resolution target in business time, e.g. 2d')
    .option('--calendar <name>', 'business calendar (default: around the clock)')
    .option('--pause-on <statuses>', 'statuses that pause the clock (default pending)')
    .option('--ai-counts', 'an AI reply meets the first-response target')
    .option('--warn-at <percent>', 'write a warning at this share of a target (default 80)')
    .option('--json', 'print the policy as JSON');

const input = (flags: PolicyFlags) => ({
  firstResponse: flags.firstResponse,
  resolution: flags.resolution,
  calendar: flags.noCalendar ? null : flags.calendar,
  pauseStatuses: flags.pauseOn,
  aiCountsAsFirstResponse: flags.aiCounts,
  warnPercent: flags.warnAt,
});

/** `nexus sla policies list|create|update|remove` (admin writes, staff read). */
export function policiesCommand(ctx: CliContext): Command {
  const policies = new Command('policies').description('SLA policies, one per priority: targets, calendar, pause statuses');
  policies.addCommand(
    withListOptions(new Command('list').description('List the SLA policies'), 'policies')
      .addHelpText('after', '\nExamples:\n  $ nexus sla policies list\n  $ nexus sla policies list --json\n  $ nexus sla policies list --format csv')
      .action(async (flags: ListFlags) =>
        presentList(ctx, flags, await (await ctx.services()).sla.policies.list(await ctx.actor()), { empty: 'No SLA policies. Add one with `nexus sla policies create`.', columns: POLICY_COLUMNS }),
      ),
  );
  policies.addCommand(
    withOptions(new Command('create').description('Add the policy for a priority (admin)').argument('<name>', 'policy name').requiredOption('--priority <priority>', 'low, medium, high or urgent'))
      .addHelpText('after', '\nExamples:\n  $ nexus sla policies create Urgent --priority urgent --first-response 1h --resolution 8h --calendar "Berlin office"')
      .action(async (name: string, flags: PolicyFlags) => {
        const actor = await ctx.actor();
        const policy = await withFlagNames((await ctx.services()).sla.policies.create(actor, { name, priority: flags.priority as never, ...input(flags) } as never), FLAGS);
        present(ctx, flags, policy, (p) => `✓ Created SLA policy ${p.name} for ${p.priority} tickets`);
      }),
  );
  policies.addCommand(
    withOptions(new Command('update').description('Change a policy (admin); open tickets are re-targeted, closed ones keep their outcome').argument('<policy>', 'policy name').option('--name <name>', 'new name').option('--priority <priority>', 'low, medium, high or urgent').option('--no-calendar', 'count around the clock'))
      .addHelpText('after', '\nExamples:\n  $ nexus sla policies update Standard --first-response 2h\n  $ nexus sla policies update Standard --no-calendar')
      .action(async (policy: string, raw: Omit<PolicyFlags, 'calendar'> & { calendar?: string | boolean }) => {
        const actor = await ctx.actor();
        // commander gives --no-calendar as calendar: false (and true when neither flag is given).
        const flags: PolicyFlags = { ...raw, calendar: typeof raw.calendar === 'string' ? raw.calendar : undefined, noCalendar: raw.calendar === false };
        const result = await withFlagNames(
          (await ctx.services()).sla.policies.update(actor, { policy, name: flags.name, priority: flags.priority as never, ...input(flags) } as never),
          FLAGS,
        );
        present(ctx, flags, result, (p) => `✓ Updated SLA policy ${p.name}`);
      }),
  );
  policies.addCommand(
    new Command('remove')
      .description('Remove a policy (admin); its open tickets have no SLA afterwards, closed ones keep their outcome')
      .addHelpText('after', '\nExamples:\n  $ nexus sla policies remove Standard')
      .argument('<policy>', 'policy name')
      .option('--json', 'print the removed policy as JSON')
      .action(async (policy: string, flags: { json?: boolean }) => {
        const removed = await (await ctx.services()).sla.policies.remove(await ctx.actor(), { policy });
        present(ctx, flags, removed, (p) => `✓ Removed SLA policy ${p.name}`);
      }),
  );
  return policies;
}
