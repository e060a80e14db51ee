import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { TicketRow } from '../tickets/ticket.js';
import { recordEvent } from '../tickets/ticket.js';
import { evaluateRules, type RuleMatch, type TicketFacts } from './evaluate-rules.js';
import { rowToRule, type AssignStrategy, type RoutingRule } from './routing-rule.js';

export async function loadRules(trx: Transaction<DB>): Promise<RoutingRule[]> {
  const rows = await trx.selectFrom('routing_rules').selectAll().orderBy('position').orderBy('created_at').execute();
  return rows.map(rowToRule);
}

/**
 * Picks the agent a group action assigns to, skipping disabled accounts. The group row is locked, so
 * concurrent tickets into one group take turns: round-robin moves on from the last member served;
 * least-loaded takes the member with the fewest open assigned tickets (ties in member order).
 */
export async function pickGroupMember(trx: Transaction<DB>, groupId: string, strategy: AssignStrategy, options: { dryRun?: boolean } = {}) {
  const group = options.dryRun
    ? await trx.selectFrom('agent_groups').select(['id', 'last_position']).where('id', '=', groupId).executeTakeFirst()
    : await trx.selectFrom('agent_groups').select(['id', 'last_position']).where('id', '=', groupId).forUpdate().executeTakeFirst();
  if (!group) return null;
  const members = await trx
    .selectFrom('agent_group_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email', 'm.position'])
    .select(sql<string>`(select count(*) from tickets t where t.assignee_id = u.id and t.status <> 'closed' and t.deleted_at is null)`.as('load'))
    .where('m.group_id', '=', groupId)
    .where('u.is_disabled', '=', false)
    .where('u.role', '<>', 'customer')
    .orderBy('m.position')
    .execute();
  if (!members.length) return null;
  const chosen =
    strategy === 'round-robin'
      ? (members.find((m) => m.position > group.last_position) ?? members[0]!)
      : members.reduce((best, m) => (Number(m.load) < Number(best.load) ? m : best));
  if (!options.dryRun) await trx.updateTable('agent_groups').set({ last_position: chosen.position }).where('id', '=', groupId).execute();
  return { id: chosen.id, email: chosen.email };
}

/**
 * Runs the routing rules on a ticket just created (inside the creating transaction, after its first
 * message is stored): applies each matching rule's actions and records one `routing.applied` event per
 * action with the rule and the conditions that matched. Returns the ticket row as it now stands.
 */
export async function routeNewTicket(
  trx: Transaction<DB>,
  ticket: TicketRow,
  facts: TicketFacts,
  now: Date,
  loaded?: RoutingRule[],
): Promise<{ row: TicketRow; changed: boolean }> {
  const rules = loaded ?? (await loadRules(trx));
  if (!rules.length) return { row: ticket, changed: false };
  const { matches } = evaluateRules(rules, facts);
  let row = ticket;
  let changed = false;
  const record = (match: RuleMatch, action: string, data: Record<string, unknown>) =>
    recordEvent(trx, { ticketId: ticket.id, actorId: null, type: 'routing.applied', data: { rule: match.rule.name, ruleId: match.rule.id, matched: match.matched, action, ...data }, at: now });
  const update = async (changes: Partial<Pick<TicketRow, 'priority' | 'category_id' | 'assignee_id' | 'status'>>) => {
    row = await trx.updateTable('tickets').set(changes).where('id', '=', ticket.id).returningAll().executeTakeFirstOrThrow();
    changed = true;
  };
  for (const match of matches) {
    const a = match.actions;
    if (a.setPriority && a.setPriority !== row.priority) {
      await recordEvent(trx, { ticketId: ticket.id, actorId: null, type: 'ticket.priority_changed', data: { reason: 'routing', rule: match.rule.name, before: { priority: row.priority }, after: { priority: a.setPriority } }, at: now });
      await update({ priority: a.setPriority });
      await record(match, 'set_priority', { priority: a.setPriority });
    }
    if (a.addTags?.length) {
      const tags = await trx.selectFrom('tags').select(['id', 'name']).where(sql<boolean>`lower(name) in (${sql.join(a.addTags.map((t) => t.toLowerCase()))})`).execute();
      if (tags.length) {
        await trx.insertInto('ticket_tags').values(tags.map((t) => ({ ticket_id: ticket.id, tag_id: t.id, added_by: null, created_at: now }))).onConflict((oc) => oc.doNothing()).execute();
        changed = true;
      }
      await record(match, 'add_tags', { tags: tags.map((t) => t.name) });
    }
    if (a.setCategory) {
      const category = await trx.selectFrom('categories').select(['id', 'name']).where(sql<boolean>`lower(name) = ${a.setCategory.toLowerCase()}`).executeTakeFirst();
      if (category) await update({ category_id: category.id });
      await record(match, 'set_category', { category: category?.name ?? null, ...(category ? {} : { skipped: 'category no longer exists' }) });
    }
    if (a.assign || a.group) {
      let agent: { id: string; email: string } | null = null;
      if (a.assign) {
        agent = (await trx.selectFrom('users').select(['id', 'email']).where('id', '=', a.assign.id).where('is_disabled', '=', false).executeTakeFirst()) ?? null;
      } else if (a.group) {
        agent = await pickGroupMember(trx, a.group.id, a.group.strategy);
      }
      if (agent) {
        await recordEvent(trx, { ticketId: ticket.id, actorId: null, type: 'ticket.assigned', data: { reason: 'routing', rule: match.rule.name, before: { assigneeId: row.assignee_id, status: row.status }, after: { assigneeId: agent.id, status: 'assigned' }, assigneeEmail: agent.email }, at: now });
        await update({ assignee_id: agent.id, status: 'assigned' });
      }
      await record(match, a.group ? `assign_${a.group.strategy.replace('-', '_')}` : 'assign', { agent: agent?.email ?? null, ...(a.group ? { group: a.group.name } : {}), ...(agent ? {} : { skipped: 'no active agent' }) });
    }
    if (a.stop) await record(match, 'stop', {});
  }
  return { row, changed };
}
