import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { NexusError, type FieldProblem } from '../errors.js';
import { findGroup, resolveAgents } from '../groups/agent-groups.js';
import { isUniqueViolation } from '../tickets/tags.js';
import { emailSchema, parseInput } from '../validation.js';
import { actionsInputSchema, conditionsSchema, hasCondition, rowToRule, type RoutingRule, type RuleActions } from './routing-rule.js';

/** Routing rules, in order (`nexus routing rules …`, `/v1/routing-rules`). */

const nameSchema = z.string({ message: 'is required' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

export const createRuleInput = z.object({
  name: nameSchema,
  conditions: conditionsSchema.prefault({}),
  actions: actionsInputSchema.prefault({}),
  /** 1-based place in the order; the end by default. */
  position: z.coerce.number({ message: 'must be a whole number from 1' }).int('must be a whole number').min(1, 'must be at least 1').optional(),
  isEnabled: z.boolean().default(true),
});
export type CreateRuleInput = z.input<typeof createRuleInput>;

export const updateRuleInput = z.object({
  rule: nameSchema,
  name: nameSchema.optional(),
  conditions: conditionsSchema.optional(),
  actions: actionsInputSchema.optional(),
  isEnabled: z.boolean().optional(),
});
export type UpdateRuleInput = z.input<typeof updateRuleInput>;

const fail = (problems: FieldProblem[]) => new NexusError('VALIDATION_FAILED', `Invalid input — ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { details: problems });
const ruleNotFound = (name: string) => new NexusError('NOT_FOUND', `No routing rule "${name}"`, { hint: 'List rules with `nexus routing rules list`.' });
const exists = (name: string) => new NexusError('ALREADY_EXISTS', `A routing rule named "${name}" already exists`);

/** Checks the actions against the desk (agents, groups, tags, categories) and stores names with ids. */
async function resolveActions(trx: Transaction<DB>, input: z.output<typeof actionsInputSchema>): Promise<RuleActions> {
  const problems: FieldProblem[] = [];
  if (input.assign && input.group) problems.push({ path: 'actions.group', message: 'cannot be used together with actions.assign' });
  let assign: RuleActions['assign'] = null;
  if (input.assign) {
    const email = emailSchema.safeParse(input.assign);
    if (!email.success) problems.push({ path: 'actions.assign', message: 'must be an agent email' });
    else {
      const [id] = await resolveAgents(trx, [email.data], 'actions.assign').catch((e: NexusError) => {
        problems.push({ path: 'actions.assign', message: e.details?.[0]?.message ?? e.message });
        return [];
      });
      if (id) assign = { id, email: email.data };
    }
  }
  let group: RuleActions['group'] = null;
  if (input.group) {
    const found = await findGroup(trx, input.group);
    if (!found) problems.push({ path: 'actions.group', message: `no agent group "${input.group}"` });
    else group = { id: found.id, name: found.name, strategy: input.strategy ?? 'round-robin' };
  } else if (input.strategy) problems.push({ path: 'actions.strategy', message: 'needs actions.group' });
  for (const [i, tag] of (input.addTags ?? []).entries()) {
    const found = await trx.selectFrom('tags').select('id').where(sql<boolean>`lower(name) = ${tag.toLowerCase()}`).executeTakeFirst();
    if (!found) problems.push({ path: `actions.addTags.${i}`, message: `no tag "${tag}" in the catalogue` });
  }
  if (input.setCategory) {
    const found = await trx.selectFrom('categories').select('id').where(sql<boolean>`lower(name) = ${input.setCategory.toLowerCase()}`).executeTakeFirst();
    if (!found) problems.push({ path: 'actions.setCategory', message: `no category "${input.setCategory}"` });
  }
  if (problems.length) throw fail(problems);
  const actions: RuleActions = { setPriority: input.setPriority ?? null, addTags: input.addTags ?? null, setCategory: input.setCategory ?? null, assign, group, stop: input.stop ?? false };
  if (!actions.setPriority && !actions.addTags && !actions.setCategory && !assign && !group && !actions.stop) throw fail([{ path: 'actions', message: 'must do at least one thing' }]);
  return actions;
}

async function findRule(trx: Transaction<DB>, name: string) {
  const row = await trx.selectFrom('routing_rules').selectAll().where(sql<boolean>`lower(name) = ${name.toLowerCase()}`).forUpdate().executeTakeFirst();
  if (!row) throw ruleNotFound(name);
  return row;
}

/** Renumbers the rules 1…n with `id` at `position` (the end when absent). Callers hold the table lock. */
async function reorder(trx: Transaction<DB>, id: string, position?: number): Promise<void> {
  const ids = (await trx.selectFrom('routing_rules').select('id').orderBy('position').orderBy('created_at').execute()).map((r) => r.id).filter((x) => x !== id);
  ids.splice(Math.min(position === undefined ? ids.length : position - 1, ids.length), 0, id);
  for (const [i, ruleId] of ids.entries()) await trx.updateTable('routing_rules').set({ position: i + 1 }).where('id', '=', ruleId).execute();
}

const lockRules = (trx: Transaction<DB>) => sql`select pg_advisory_xact_lock(hashtext('nexus.routing_rules'))`.execute(trx);

export async function listRules(deps: Deps, actor: Actor): Promise<{ items: RoutingRule[]; nextCursor: null }> {
  authorize(actor, 'routing.view');
  const rows = await deps.db.selectFrom('routing_rules').selectAll().orderBy('position').execute();
  return { items: rows.map(rowToRule), nextCursor: null };
}

export async function createRule(deps: Deps, actor: Actor, input: CreateRuleInput): Promise<RoutingRule> {
  authorize(actor, 'routing.manage');
  const data = parseInput(createRuleInput, input);
  if (!hasCondition(data.conditions)) throw fail([{ path: 'conditions', message: 'must have at least one condition' }]);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await lockRules(trx);
      const actions = await resolveActions(trx, data.actions);
      const now = deps.clock.now();
      const row = await trx
        .insertInto('routing_rules')
        .values({ name: data.name, position: 1_000_000, is_enabled: data.isEnabled, conditions: JSON.stringify(data.conditions), actions: JSON.stringify(actions), created_at: now, updated_at: now })
        .returning('id')
        .executeTakeFirstOrThrow();
      await reorder(trx, row.id, data.position);
      return rowToRule(await trx.selectFrom('routing_rules').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow());
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw exists(data.name);
    throw error;
  }
}

export async function updateRule(deps: Deps, actor: Actor, input: UpdateRuleInput): Promise<RoutingRule> {
  authorize(actor, 'routing.manage');
  const data = parseInput(updateRuleInput, input);
  if (data.conditions && !hasCondition(data.conditions)) throw fail([{ path: 'conditions', message: 'must have at least one condition' }]);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      await lockRules(trx);
      const row = await findRule(trx, data.rule);
      const actions = data.actions ? await resolveActions(trx, data.actions) : undefined;
      const updated = await trx
        .updateTable('routing_rules')
        .set({
          ...(data.name !== undefined && { name: data.name }),
          ...(data.conditions && { conditions: JSON.stringify(data.conditions) }),
          ...(actions && { actions: JSON.stringify(actions) }),
          ...(data.isEnabled !== undefined && { is_enabled: data.isEnabled }),
          updated_at: deps.clock.now(),
        })
        .where('id', '=', row.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return rowToRule(updated);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw exists(data.name ?? data.rule);
    throw error;
  }
}

export async function moveRule(deps: Deps, actor: Actor, input: { rule: string; position: number | string }): Promise<{ items: RoutingRule[]; nextCursor: null }> {
  authorize(actor, 'routing.manage');
  const data = parseInput(z.object({ rule: nameSchema, position: z.coerce.number({ message: 'must be a whole number from 1' }).int('must be a whole number').min(1, 'must be at least 1') }), input);
  await deps.db.transaction().execute(async (trx) => {
    await lockRules(trx);
    const row = await findRule(trx, data.rule);
    await reorder(trx, row.id, data.position);
  });
  return listRules(deps, actor);
}

export async function removeRule(deps: Deps, actor: Actor, input: { rule: string }): Promise<RoutingRule> {
  authorize(actor, 'routing.manage');
  const { rule } = parseInput(z.object({ rule: nameSchema }), input);
  return deps.db.transaction().execute(async (trx) => {
    await lockRules(trx);
    const row = await findRule(trx, rule);
    await trx.deleteFrom('routing_rules').where('id', '=', row.id).execute();
    const rest = await trx.selectFrom('routing_rules').select('id').orderBy('position').execute();
    for (const [i, r] of rest.entries()) await trx.updateTable('routing_rules').set({ position: i + 1 }).where('id', '=', r.id).execute();
    return rowToRule(row);
  });
}
