import type { Transaction } from 'kysely';
import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { isUniqueViolation } from '../tickets/tags.js';
import { TICKET_PRIORITIES } from '../tickets/ticket.js';
import { parseInput } from '../validation.js';
import { calendarNotFound } from './sla-calendars.js';
import { durationSchema, nameSchema, pauseStatusesSchema, rowToPolicy, type SlaPolicy } from './sla-schemas.js';
import { recordRulesChange } from './ticket-sla-store.js';

/** SLA policies, one per priority (`nexus sla policies …`, `/v1/sla-policies`). */

const prioritySchema = z.enum(TICKET_PRIORITIES, { message: `must be one of ${TICKET_PRIORITIES.join(', ')}` });
const warnSchema = z.coerce.number({ message: 'must be a percentage from 1 to 99' }).int('must be a whole percentage').min(1, 'must be at least 1').max(99, 'must be at most 99');

export const createPolicyInput = z.object({
  name: nameSchema,
  priority: prioritySchema,
  firstResponse: durationSchema,
  resolution: durationSchema,
  /** A calendar's name; null or absent for around the clock. */
  calendar: nameSchema.nullish(),
  pauseStatuses: pauseStatusesSchema.default(['pending']),
  aiCountsAsFirstResponse: z.boolean().default(false),
  warnPercent: warnSchema.default(80),
});
export type CreatePolicyInput = z.input<typeof createPolicyInput>;

export const updatePolicyInput = z.object({
  policy: nameSchema,
  name: nameSchema.optional(),
  priority: prioritySchema.optional(),
  firstResponse: durationSchema.optional(),
  resolution: durationSchema.optional(),
  calendar: nameSchema.nullish(),
  pauseStatuses: pauseStatusesSchema.optional(),
  aiCountsAsFirstResponse: z.boolean().optional(),
  warnPercent: warnSchema.optional(),
});
export type UpdatePolicyInput = z.input<typeof updatePolicyInput>;

const policyNotFound = (name: string) => new NexusError('NOT_FOUND', `No SLA policy "${name}"`, { hint: 'List policies with `nexus sla policies list`.' });
const duplicate = () => new NexusError('ALREADY_EXISTS', 'A policy with that name or priority already exists', { hint: 'There is one policy per priority; update it instead.' });

async function findCalendar(trx: Transaction<DB>, name: string) {
  const row = await trx.selectFrom('sla_calendars').select(['id', 'name']).where((eb) => eb(eb.fn('lower', ['name']), '=', name.toLowerCase())).executeTakeFirst();
  if (!row) throw calendarNotFound(name);
  return row;
}

async function present(trx: Transaction<DB>, id: string): Promise<SlaPolicy> {
  const row = await trx.selectFrom('sla_policies').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const cal = row.calendar_id ? await trx.selectFrom('sla_calendars').select(['id', 'name']).where('id', '=', row.calendar_id).executeTakeFirst() : undefined;
  return rowToPolicy(row, cal ?? null);
}

export async function listPolicies(deps: Deps, actor: Actor): Promise<{ items: SlaPolicy[]; nextCursor: null }> {
  authorize(actor, 'sla.view');
  const rows = await deps.db.selectFrom('sla_policies as p').leftJoin('sla_calendars as c', 'c.id', 'p.calendar_id').selectAll('p').select(['c.name as calendar_name']).execute();
  const rank = (p: string) => TICKET_PRIORITIES.indexOf(p as never);
  return {
    items: rows.sort((a, b) => rank(b.priority) - rank(a.priority)).map((r) => rowToPolicy(r, r.calendar_id ? { id: r.calendar_id, name: r.calendar_name! } : null)),
    nextCursor: null,
  };
}

export async function createPolicy(deps: Deps, actor: Actor, input: CreatePolicyInput): Promise<SlaPolicy> {
  authorize(actor, 'sla.manage');
  const data = parseInput(createPolicyInput, input);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const calendar = data.calendar ? await findCalendar(trx, data.calendar) : null;
      const now = deps.clock.now();
      const row = await trx
        .insertInto('sla_policies')
        .values({
          name: data.name,
          priority: data.priority,
          first_response_seconds: data.firstResponse,
          resolution_seconds: data.resolution,
          calendar_id: calendar?.id ?? null,
          pause_statuses: data.pauseStatuses,
          ai_counts_as_first_response: data.aiCountsAsFirstResponse,
          warn_percent: data.warnPercent,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordRulesChange(trx, now);
      return present(trx, row.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

export async function updatePolicy(deps: Deps, actor: Actor, input: UpdatePolicyInput): Promise<SlaPolicy> {
  authorize(actor, 'sla.manage');
  const data = parseInput(updatePolicyInput, input);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const calendar = data.calendar ? await findCalendar(trx, data.calendar) : data.calendar === null ? null : undefined;
      const row = await trx
        .updateTable('sla_policies')
        .set({
          ...(data.name !== undefined && { name: data.name }),
          ...(data.priority !== undefined && { priority: data.priority }),
          ...(data.firstResponse !== undefined && { first_response_seconds: data.firstResponse }),
          ...(data.resolution !== undefined && { resolution_seconds: data.resolution }),
          ...(calendar !== undefined && { calendar_id: calendar?.id ?? null }),
          ...(data.pauseStatuses !== undefined && { pause_statuses: data.pauseStatuses }),
          ...(data.aiCountsAsFirstResponse !== undefined && { ai_counts_as_first_response: data.aiCountsAsFirstResponse }),
          ...(data.warnPercent !== undefined && { warn_percent: data.warnPercent }),
          updated_at: deps.clock.now(),
        })
        .where((eb) => eb(eb.fn('lower', ['name']), '=', data.policy.toLowerCase()))
        .returning('id')
        .executeTakeFirst();
      if (!row) throw policyNotFound(data.policy);
      await recordRulesChange(trx, deps.clock.now());
      return present(trx, row.id);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate();
    throw error;
  }
}

export async function removePolicy(deps: Deps, actor: Actor, input: { policy: string }): Promise<SlaPolicy> {
  authorize(actor, 'sla.manage');
  const { policy } = parseInput(z.object({ policy: nameSchema }), input);
  return deps.db.transaction().execute(async (trx) => {
    const row = await trx.selectFrom('sla_policies').select('id').where((eb) => eb(eb.fn('lower', ['name']), '=', policy.toLowerCase())).executeTakeFirst();
    if (!row) throw policyNotFound(policy);
    const removed = await present(trx, row.id);
    await trx.deleteFrom('sla_policies').where('id', '=', row.id).execute();
    await recordRulesChange(trx, deps.clock.now());
    return removed;
  });
}
