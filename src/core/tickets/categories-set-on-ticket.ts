import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { categoryNameSchema, categoryNotFound, findCategoryByName } from './categories.js';
import { ticketRefSchema } from './ticket-changes.js';
import { authorizeOnTickets, loadTicket, recordEvent } from './ticket.js';

export const setTicketCategoryInput = z.object({
  ticket: ticketRefSchema,
  /** A catalogue name, or null to clear the category. */
  category: categoryNameSchema.nullable(),
});
export type SetTicketCategoryInput = z.input<typeof setTicketCategoryInput>;

export interface TicketCategoryResult {
  ticketNumber: number;
  category: string | null;
  changed: boolean;
}

/** Sets or clears a ticket's category (staff); records `category.changed` with before and after. */
export async function setTicketCategory(deps: Deps, actor: Actor, input: SetTicketCategoryInput): Promise<TicketCategoryResult> {
  const data = parseInput(setTicketCategoryInput, input);
  authorizeOnTickets(actor, 'ticket.categorize', data.ticket);
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, data.ticket, 'ticket.categorize', { forUpdate: true });
    const target = data.category === null ? null : await findCategoryByName(trx, data.category);
    if (data.category !== null && !target) throw categoryNotFound(data.category);
    const before = ticket.category_id
      ? ((await trx.selectFrom('categories').select('name').where('id', '=', ticket.category_id).executeTakeFirst())?.name ?? null)
      : null;
    const after = target?.name ?? null;
    const changed = (target?.id ?? null) !== ticket.category_id;
    if (changed) {
      const now = deps.clock.now();
      await trx.updateTable('tickets').set({ category_id: target?.id ?? null, updated_at: now }).where('id', '=', ticket.id).execute();
      await recordEvent(trx, { ticketId: ticket.id, actorId: actor.id, type: 'ticket.category_changed', data: { from: before, to: after }, at: now });
    }
    return { ticketNumber: ticket.number, category: after, changed };
  });
}
