import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { categoryNameSchema, categoryNotFound, findCategoryByName } from './categories.js';
import { recordEvent } from './ticket.js';

export const deleteCategoryInput = z.object({ name: categoryNameSchema });

/**
 * Removes a category (admin). Its tickets keep working with no category (the foreign key sets it to
 * null); each gets a `category.changed` event so its history says why.
 */
export async function deleteCategory(deps: Deps, actor: Actor, input: z.input<typeof deleteCategoryInput>): Promise<{ name: string; deleted: true; ticketsCleared: number }> {
  authorize(actor, 'categories.manage');
  const data = parseInput(deleteCategoryInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const category = await findCategoryByName(trx, data.name);
    if (!category) throw categoryNotFound(data.name);
    const tickets = await trx.selectFrom('tickets').select('id').where('category_id', '=', category.id).execute();
    const now = deps.clock.now();
    for (const ticket of tickets) {
      await recordEvent(trx, { ticketId: ticket.id, actorId: actor.id, type: 'ticket.category_changed', data: { from: category.name, to: null, reason: 'category deleted' }, at: now });
    }
    await trx.deleteFrom('categories').where('id', '=', category.id).execute();
    return { name: category.name, deleted: true as const, ticketsCleared: tickets.length };
  });
}
