import { sql } from 'kysely';
import { authorize, isStaff, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';

/** How many tickets each of the agents' queue views holds (tickets not in the trash). */
export interface QueueViewCounts {
  /** Assigned to the caller, not closed. */
  mine: number;
  /** Nobody assigned, not closed. */
  unassigned: number;
  escalated: number;
  /** Every ticket that is not closed. */
  open: number;
  pending: number;
}

/** The counts behind the queue's tabs, in one query (staff only). */
export async function countQueueViews(deps: Deps, actor: Actor): Promise<QueueViewCounts> {
  authorize(actor, 'ticket.list');
  if (!isStaff(actor)) throw new NexusError('FORBIDDEN', 'The queue is for agents and admins');
  const row = await deps.db
    .selectFrom('tickets')
    .where('deleted_at', 'is', null)
    .select([
      sql<number>`count(*) filter (where assignee_id = ${actor.id} and status <> 'closed')::int`.as('mine'),
      sql<number>`count(*) filter (where assignee_id is null and status <> 'closed')::int`.as('unassigned'),
      sql<number>`count(*) filter (where status = 'escalated')::int`.as('escalated'),
      sql<number>`count(*) filter (where status <> 'closed')::int`.as('open'),
      sql<number>`count(*) filter (where status = 'pending')::int`.as('pending'),
    ])
    .executeTakeFirstOrThrow();
  return { mine: row.mine, unassigned: row.unassigned, escalated: row.escalated, open: row.open, pending: row.pending };
}
