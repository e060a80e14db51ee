import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import {
  categoryDescriptionSchema,
  categoryExists,
  categoryNameSchema,
  categoryNotFound,
  countTicketsInCategory,
  findCategoryByName,
  rowToCategory,
  type Category,
} from './categories.js';
import { isUniqueViolation } from './tags.js';

export const updateCategoryInput = z.object({
  name: categoryNameSchema,
  newName: categoryNameSchema.optional(),
  description: categoryDescriptionSchema.optional(),
});
export type UpdateCategoryInput = z.input<typeof updateCategoryInput>;

/** Renames a category and/or changes its description (admin). */
export async function updateCategory(deps: Deps, actor: Actor, input: UpdateCategoryInput): Promise<Category> {
  authorize(actor, 'categories.manage');
  const data = parseInput(updateCategoryInput, input);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const category = await findCategoryByName(trx, data.name);
      if (!category) throw categoryNotFound(data.name);
      if (data.newName !== undefined && data.newName.toLowerCase() !== category.name.toLowerCase() && (await findCategoryByName(trx, data.newName))) {
        throw categoryExists(data.newName);
      }
      const row = await trx
        .updateTable('categories')
        .set({ name: data.newName ?? category.name, description: data.description ?? category.description, updated_at: deps.clock.now() })
        .where('id', '=', category.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return rowToCategory(row, await countTicketsInCategory(trx, category.id));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw categoryExists(data.newName ?? data.name);
    throw error;
  }
}
