import { Command } from 'commander';
import type { RoutingRule } from '../../core/routing/routing-rule.js';
import type { CliContext } from '../context.js';
import { withFlagNames } from '../flag-names.js';
import { presentList, withListOptions, type ListFlags } from '../list-output.js';
import { present, renderTable, type Column } from '../output.js';

export const RULE_FLAGS = {
  name: '--name',
  position: '--position',
  'conditions.keywords': '--if-words',
  'conditions.subjectKeywords': '--if-subject',
  'conditions.bodyKeywords': '--if-body',
  'conditions.source': '--if-source',
  'conditions.context': '--if-context',
  'conditions.priority': '--if-priority',
  'conditions.tags': '--if-tags',
  'conditions.emailDomain': '--if-domain',
  conditions: '--if-*',
  'actions.assign': '--assign',
  'actions.group': '--group',
  'actions.strategy': '--strategy',
  'actions.setPriority': '--set-priority',
  'actions.addTags': '--add-tags',
  'actions.setCategory': '--set-category',
  actions: '--assign/--group/--set-*/--add-tags/--stop',
  rule: '<rule>',
};

interface RuleFlags {
  ifWords?: string;
  ifSubject?: string;
  ifBody?: string;
  ifSource?: string;
  ifContext?: string;
  ifPriority?: string;
  ifTags?: string;
  ifDomain?: string;
  assign?: string;
  group?: string;
  strategy?: string;
  setPriority?: string;
  addTags?: string;
  setCategory?: string;
  stop?: boolean;
  position?: string;
  name?: string;
  disabled?: boolean;
  json?: boolean;
}

const withRuleOptions = (command: Command) =>
  command
    .option('--if-words <list>', 'words or phrases in the subject or message (comma-separated, any matches)')
    .option('--if-subject <list>', 'words in the subject')
    .option('--if-body <list>', 'words in the first message')
    .option('--if-source <list>', 'web, email, api, cli')
    .option('--if-context <list>', 'ticket contexts')
    .option('--if-priority <list>', 'low, medium, high, urgent')
    .option('--if-tags <list>', 'tags (added by earlier rules)')
    .option('--if-domain <list>', "the customer's email domain, e.g. example.com")
    .option('--assign <agent>', 'assign to this agent (email)')
    .option('--group <group>', 'assign within this agent group')
    .option('--strategy <strategy>', 'round-robin (default) or least-loaded')
    .option('--set-priority <priority>', 'set the priority')
    .option('--add-tags <list>', 'add tags from the catalogue')
    .option('--set-category <category>', 'set the category')
    .option('--stop', 'do not run later rules')
    .option('--json', 'print the rule as JSON');

const conditionsOf = (f: RuleFlags) => ({ keywords: f.ifWords, subjectKeywords: f.ifSubject, bodyKeywords: f.ifBody, source: f.ifSource, context: f.ifContext, priority: f.ifPriority, tags: f.ifTags, emailDomain: f.ifDomain });
const actionsOf = (f: RuleFlags) => ({ assign: f.assign, group: f.group, strategy: f.strategy, setPriority: f.setPriority, addTags: f.addTags, setCategory: f.setCategory, stop: f.stop });
const hasAny = (o: Record<string, unknown>) => Object.values(o).some((v) => v !== undefined);

export const describeConditions = (r: Pick<RoutingRule, 'conditions'>) =>
  Object.entries(r.conditions)
    .filter(([, v]) => v !== null)
    .map(([k, v]) => `${k}: ${(v as string[]).join('|')}`)
    .join(' AND ');
export const describeActions = (r: Pick<RoutingRule, 'actions'>) => {
  const a = r.actions;
  return [
    a.setPriority && `priority ${a.setPriority}`,
    a.addTags && `tags +${a.addTags.join(',')}`,
    a.setCategory && `category ${a.setCategory}`,
    a.assign && `assign ${a.assign.email}`,
    a.group && `${a.group.strategy} in ${a.group.name}`,
    a.stop && 'stop',
  ]
    .filter(Boolean)
    .join('; ');
};

const RULE_COLUMNS: Column<RoutingRule>[] = [
  { header: '#', value: (r) => r.position },
  { header: 'name', value: (r) => r.name },
  { header: 'on', value: (r) => (r.isEnabled ? 'yes' : 'no') },
  { header: 'when', value: describeConditions },
  { header: 'then', value: describeActions },
];
const NO_RULES = 'No routing rules. Add one with `nexus routing rules create`.';
const rulesTable = (items: RoutingRule[]) => (items.length === 0 ? NO_RULES : renderTable(items, RULE_COLUMNS));

/** `nexus routing rules list|create|update|remove|move` (admin writes, staff read). */
export function rulesCommand(ctx: CliContext): Command {
  const rules = new Command('rules').description('Ordered routing rules: conditions and actions');
  rules.addCommand(
    withListOptions(new Command('list').description('List the rules in the order they run'), 'rules')
      .addHelpText('after', '\nExamples:\n  $ nexus routing rules list\n  $ nexus routing rules list --format csv')
      .action(async (flags: ListFlags) => presentList(ctx, flags, await (await ctx.services()).routing.rules.list(await ctx.actor()), { empty: NO_RULES, columns: RULE_COLUMNS })),
  );
  rules.addCommand(
    withRuleOptions(new Command('create').description('Add a rule (admin)').argument('<name>', 'rule name').option('--position <n>', 'place in the order (default: last)').option('--disabled', 'create it switched off'))
      .addHelpText('after', '\nExamples:\n  $ nexus routing rules create Refunds --if-words refund,chargeback --set-priority high --group Billing\n  $ nexus routing rules create VIP --if-domain bigcustomer.com --assign ana@example.com --stop')
      .action(async (name: string, flags: RuleFlags) => {
        const actor = await ctx.actor();
        const rule = await withFlagNames(
          (await ctx.services()).routing.rules.create(actor, { name, position: flags.position, isEnabled: !flags.disabled, conditions: conditionsOf(flags), actions: actionsOf(flags) } as never),
          RULE_FLAGS,
        );
        present(ctx, flags, rule, (r) => `✓ Created rule ${r.name} at position ${r.position}`);
      }),
  );
  rules.addCommand(
    withRuleOptions(new Command('update').description('Change a rule (admin); given conditions or actions replace the old ones').argument('<rule>', 'rule name').option('--name <name>', 'new name').option('--enable', 'switch it on').option('--disable', 'switch it off'))
      .addHelpText('after', '\nExamples:\n  $ nexus routing rules update Refunds --if-words refund,chargeback\n  $ nexus routing rules update Refunds --disable')
      .action(async (rule: string, flags: RuleFlags & { enable?: boolean; disable?: boolean }) => {
        const actor = await ctx.actor();
        const conditions = conditionsOf(flags);
        const actions = actionsOf(flags);
        const updated = await withFlagNames(
          (await ctx.services()).routing.rules.update(actor, {
            rule,
            name: flags.name,
            isEnabled: flags.enable ? true : flags.disable ? false : undefined,
            conditions: hasAny(conditions) ? conditions : undefined,
            actions: hasAny(actions) ? actions : undefined,
          } as never),
          RULE_FLAGS,
        );
        present(ctx, flags, updated, (r) => `✓ Updated rule ${r.name}`);
      }),
  );
  rules.addCommand(
    new Command('move')
      .description('Move a rule to another place in the order (admin)')
      .addHelpText('after', '\nExamples:\n  $ nexus routing rules move VIP 1')
      .argument('<rule>', 'rule name')
      .argument('<position>', 'new place, 1 = first')
      .option('--json', 'print the rules as JSON')
      .action(async (rule: string, position: string, flags: { json?: boolean }) => {
        const result = await withFlagNames((await ctx.services()).routing.rules.move(await ctx.actor(), { rule, position }), { position: '<position>', rule: '<rule>' });
        present(ctx, flags, result, (r) => rulesTable(r.items));
      }),
  );
  rules.addCommand(
    new Command('remove')
      .description('Remove a rule (admin)')
      .addHelpText('after', '\nExamples:\n  $ nexus routing rules remove Refunds')
      .argument('<rule>', 'rule name')
      .option('--json', 'print the removed rule as JSON')
      .action(async (rule: string, flags: { json?: boolean }) => {
        const removed = await (await ctx.services()).routing.rules.remove(await ctx.actor(), { rule });
        present(ctx, flags, removed, (r) => `✓ Removed rule ${r.name}`);
      }),
  );
  return rules;
}
