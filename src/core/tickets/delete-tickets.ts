import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError, type FieldProblem } from '../errors.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema } from './ticket-changes.js';
import { authorizeOnTickets, recordEvent } from './ticket.js';
import { PURGE_AFTER_DAYS } from './list-trash.js';

export const deleteTicketsInput = z.object({
  tickets: z.array(ticketRefSchema).min(1, 'name at least one ticket').max(1000, 'at most 1,000 tickets at once'),
});
export type DeleteTicketsInput = z.input<typeof deleteTicketsInput>;

/**
 * Moves closed tickets to the trash (staff), all or nothing: when any number is missing, not closed
 * or already in the trash, nothing is deleted and the error lists every problem.
 */
export async function deleteTickets(deps: Deps, actor: Actor, input: DeleteTicketsInput): Promise<{ deleted: number[]; purgeAfterDays: number }> {
  const numbers = [...new Set(parseInput(deleteTicketsInput, input).tickets)].sort((a, b) => a - b);
  authorizeOnTickets(actor, 'ticket.delete', numbers);
  return deps.db.transaction().execute(async (trx) => {
    // Locked in number order, so two bulk deletes cannot deadlock.
    const rows = await trx.selectFrom('tickets').select(['id', 'number', 'status', 'deleted_at']).where('number', 'in', numbers).orderBy('number').forUpdate().execute();
    const byNumber = new Map(rows.map((r) => [r.number, r]));
    const problems: FieldProblem[] = [];
    for (const number of numbers) {
      const row = byNumber.get(number);
      if (!row) problems.push({ path: `#${number}`, message: 'not found' });
      else if (row.deleted_at) problems.push({ path: `#${number}`, message: 'is already in the trash' });
      else if (row.status !== 'closed') problems.push({ path: `#${number}`, message: `is ${row.status}; only closed tickets can be deleted` });
    }
    if (problems.length > 0) {
      const missing = problems.some((p) => p.message === 'not found');
      throw new NexusError(missing ? 'NOT_FOUND' : 'CONFLICT', `Nothing was deleted: ${problems.map((p) => `${p.path} ${p.message}`).join('; ')}`, {
        details: problems,
        hint: problems.some((p) => p.message.includes('only closed')) ? 'Close tickets with `nexus tickets close N` before deleting them.' : undefined,
      });
    }
    const now = deps.clock.now();
    await trx.updateTable('tickets').set({ deleted_at: now, deleted_by: actor.id, updated_at: now }).where('number', 'in', numbers).execute();
    for (const row of rows) await recordEvent(trx, { ticketId: row.id, actorId: actor.id, type: 'ticket.deleted', data: {}, at: now });
    return { deleted: numbers, purgeAfterDays: PURGE_AFTER_DAYS };
  });
}
