import { sql, type Transaction } from 'kysely';
import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { NexusError, type FieldProblem } from '../errors.js';
import { isUniqueViolation } from '../tickets/tags.js';
import { emailSchema, parseInput } from '../validation.js';

/** Agent groups routing rules assign into (`nexus groups …`, `/v1/groups`). Members keep their order. */
export interface AgentGroup {
  id: string;
  name: string;
  members: { id: string; email: string; name: string | null; isDisabled: boolean }[];
  createdAt: string;
  updatedAt: string;
}

const nameSchema = z.string({ message: 'is required' }).trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const emails = z.preprocess((v) => (typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : v), z.array(emailSchema));

export const createGroupInput = z.object({ name: nameSchema, members: emails.default([]) });
export type CreateGroupInput = z.input<typeof createGroupInput>;
export const updateGroupInput = z.object({ group: nameSchema, name: nameSchema.optional(), members: emails.optional(), add: emails.optional(), remove: emails.optional() });
export type UpdateGroupInput = z.input<typeof updateGroupInput>;

export const groupNotFound = (name: string) => new NexusError('NOT_FOUND', `No agent group "${name}"`, { hint: 'List groups with `nexus groups list`.' });

export async function findGroup(trx: Transaction<DB>, name: string, options: { forUpdate?: boolean } = {}) {
  let query = trx.selectFrom('agent_groups').selectAll().where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase()));
  if (options.forUpdate) query = query.forUpdate();
  return query.executeTakeFirst();
}

/** Resolves member emails to agents/admins; an unknown email or a customer is refused naming the field. */
export async function resolveAgents(trx: Transaction<DB>, list: string[], field: string): Promise<string[]> {
  if (!list.length) return [];
  const rows = await trx.selectFrom('users').select(['id', 'email', 'role']).where('email', 'in', list).execute();
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const problems: FieldProblem[] = [];
  list.forEach((email, i) => {
    const user = byEmail.get(email);
    if (!user) problems.push({ path: `${field}.${i}`, message: `no agent with the email ${email}` });
    else if (user.role === 'customer') problems.push({ path: `${field}.${i}`, message: `${email} is a customer, not an agent` });
  });
  if (problems.length) throw new NexusError('VALIDATION_FAILED', `Invalid input — ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`, { details: problems });
  return list.map((email) => byEmail.get(email)!.id);
}

async function present(trx: Transaction<DB>, id: string): Promise<AgentGroup> {
  const group = await trx.selectFrom('agent_groups').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const members = await trx
    .selectFrom('agent_group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'u.name', 'u.is_disabled'])
    .where('m.group_id', '=', id)
    .orderBy('m.position')
    .execute();
  return {
    id: group.id,
    name: group.name,
    members: members.map((m) => ({ id: m.id, email: m.email, name: m.name || null, isDisabled: m.is_disabled })),
    createdAt: group.created_at.toISOString(),
    updatedAt: group.updated_at.toISOString(),
  };
}

async function setMembers(trx: Transaction<DB>, groupId: string, userIds: string[]): Promise<void> {
  await trx.deleteFrom('agent_group_members').where('group_id', '=', groupId).execute();
  const unique = [...new Set(userIds)];
  if (unique.length) await trx.insertInto('agent_group_members').values(unique.map((user_id, position) => ({ group_id: groupId, user_id, position }))).execute();
}

export async function listGroups(deps: Deps, actor: Actor): Promise<{ items: AgentGroup[]; nextCursor: null }> {
  authorize(actor, 'routing.view');
  return deps.db.transaction().execute(async (trx) => {
    const rows = await trx.selectFrom('agent_groups').select('id').orderBy('name').execute();
    return { items: await Promise.all(rows.map((r) => present(trx, r.id))), nextCursor: null };
  });
}

const exists = (name: string) => new NexusError('ALREADY_EXISTS', `An agent group named "${name}" already exists`);

export async function createGroup(deps: Deps, actor: Actor, input: CreateGroupInput): Promise<AgentGroup> {
  authorize(actor, 'routing.manage');
  const data = parseInput(createGroupInput, input);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const ids = await resolveAgents(trx, data.members, 'members');
      const now = deps.clock.now();
      const row = await trx.insertInto('agent_groups').values({ name: data.name, created_at: now, updated_at: now }).returning('id').executeTakeFirstOrThrow();
      await setMembers(trx, row.id, ids);
      return present(trx, row.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw exists(data.name);
    throw error;
  }
}

export async function updateGroup(deps: Deps, actor: Actor, input: UpdateGroupInput): Promise<AgentGroup> {
  authorize(actor, 'routing.manage');
  const data = parseInput(updateGroupInput, input);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const group = await findGroup(trx, data.group, { forUpdate: true });
      if (!group) throw groupNotFound(data.group);
      const current = (await trx.selectFrom('agent_group_members').select('user_id').where('group_id', '=', group.id).orderBy('position').execute()).map((m) => m.user_id);
      let members = data.members ? await resolveAgents(trx, data.members, 'members') : current;
      if (data.add) members = [...members, ...(await resolveAgents(trx, data.add, 'add'))];
      if (data.remove) {
        const gone = new Set(await resolveAgents(trx, data.remove, 'remove'));
        members = members.filter((id) => !gone.has(id));
      }
      await trx.updateTable('agent_groups').set({ ...(data.name !== undefined && { name: data.name }), updated_at: deps.clock.now() }).where('id', '=', group.id).execute();
      await setMembers(trx, group.id, members);
      return present(trx, group.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw exists(data.name ?? data.group);
    throw error;
  }
}

export async function removeGroup(deps: Deps, actor: Actor, input: { group: string }): Promise<AgentGroup> {
  authorize(actor, 'routing.manage');
  const { group: name } = parseInput(z.object({ group: nameSchema }), input);
  return deps.db.transaction().execute(async (trx) => {
    const group = await findGroup(trx, name, { forUpdate: true });
    if (!group) throw groupNotFound(name);
    const rules = await trx.selectFrom('routing_rules').select('name').where(sql<boolean>`actions->'group'->>'id' = ${group.id}`).execute();
    if (rules.length) throw new NexusError('CONFLICT', `The group "${group.name}" is used by the rules ${rules.map((r) => `"${r.name}"`).join(', ')}`, { hint: 'Change or remove those rules first.' });
    const removed = await present(trx, group.id);
    await trx.deleteFrom('agent_groups').where('id', '=', group.id).execute();
    return removed;
  });
}
