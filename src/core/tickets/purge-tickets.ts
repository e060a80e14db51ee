import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import { authorizeOnTickets } from './ticket.js';
import type { Deps } from '../deps.js';
import { NexusError, type FieldProblem } from '../errors.js';
import { parseInput } from '../validation.js';
import { PURGE_AFTER_DAYS } from './list-trash.js';
import { ticketRefSchema } from './ticket-changes.js';

export const purgeTicketsInput = z.union([
  z.object({ tickets: z.array(ticketRefSchema).min(1, 'name at least one ticket').max(1000, 'at most 1,000 tickets at once'), expired: z.literal(false).optional() }),
  z.object({ expired: z.literal(true), tickets: z.undefined().optional() }),
]);
export type PurgeTicketsInput = z.input<typeof purgeTicketsInput>;

export interface PurgeResult {
  purged: number[];
  count: number;
  attachmentsRemoved: number;
  /** Storage keys whose blobs could not be deleted (the rows are gone; an operator may clean up). */
  blobsFailed: string[];
}

/**
 * Removes tickets from the trash for good (admin): the ticket and every row that hangs off it
 * (messages, events, tags, time, ratings, attachments — by cascade) and the attachment blobs.
 * Either named tickets (all must be in the trash, all or nothing) or every ticket deleted more than
 * 30 days ago (`expired`, for cron). Blobs are deleted after the rows commit, so a storage outage
 * can never leave rows that point at deleted blobs.
 */
export async function purgeTickets(deps: Deps, actor: Actor, input: PurgeTicketsInput): Promise<PurgeResult> {
  const data = parseInput(purgeTicketsInput, input);
  if (data.tickets?.length) authorizeOnTickets(actor, 'ticket.purge', data.tickets);
  else authorize(actor, 'ticket.purge');
  return runPurge(deps, data);
}

/**
 * The daily clean-up without a person behind it (the background job): everything deleted 30 or more
 * days ago. Same rules and result as `nexus tickets purge --expired`.
 */
export function purgeExpiredTickets(deps: Deps): Promise<PurgeResult> {
  return runPurge(deps, { expired: true });
}

async function runPurge(deps: Deps, data: z.output<typeof purgeTicketsInput>): Promise<PurgeResult> {
  const { purged, keys } = await deps.db.transaction().execute(async (trx) => {
    let rows: { id: string; number: number; deleted_at: Date | null }[];
    if (data.expired) {
      const cutoff = new Date(deps.clock.now().getTime() - PURGE_AFTER_DAYS * 86_400_000);
      rows = await trx.selectFrom('tickets').select(['id', 'number', 'deleted_at']).where('deleted_at', '<=', cutoff).orderBy('number').forUpdate().execute();
    } else {
      const numbers = [...new Set(data.tickets)].sort((a, b) => a - b);
      rows = await trx.selectFrom('tickets').select(['id', 'number', 'deleted_at']).where('number', 'in', numbers).orderBy('number').forUpdate().execute();
      const byNumber = new Map(rows.map((r) => [r.number, r]));
      const problems: FieldProblem[] = [];
      for (const number of numbers) {
        const row = byNumber.get(number);
        if (!row) problems.push({ path: `#${number}`, message: 'not found' });
        else if (!row.deleted_at) problems.push({ path: `#${number}`, message: 'is not in the trash; delete it first' });
      }
      if (problems.length > 0) {
        const missing = problems.some((p) => p.message === 'not found');
        throw new NexusError(missing ? 'NOT_FOUND' : 'CONFLICT', `Nothing was purged: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, { details: problems });
      }
    }
    if (rows.length === 0) return { purged: [], keys: [] };
    const ids = rows.map((r) => r.id);
    const attachments = await trx.selectFrom('attachments').select('storage_key').where('ticket_id', 'in', ids).execute();
    if (attachments.length > 0 && !deps.blobs) throw new NexusError('INTERNAL', 'No blob store is configured, so attachments cannot be purged');
    await trx.deleteFrom('tickets').where('id', 'in', ids).execute();
    return { purged: rows.map((r) => r.number), keys: attachments.map((a) => a.storage_key) };
  });
  const blobsFailed: string[] = [];
  for (const key of keys) {
    try {
      await deps.blobs!.delete(key);
    } catch {
      blobsFailed.push(key);
    }
  }
  return { purged, count: purged.length, attachmentsRemoved: keys.length, blobsFailed };
}
