import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { categoryDescriptionSchema, categoryExists, categoryNameSchema, findCategoryByName, rowToCategory, type Category } from './categories.js';
import { isUniqueViolation } from './tags.js';

export const createCategoryInput = z.object({ name: categoryNameSchema, description: categoryDescriptionSchema.default('') });
export type CreateCategoryInput = z.input<typeof createCategoryInput>;

/** Adds a category to the catalogue (admin). Names are unique regardless of case. */
export async function createCategory(deps: Deps, actor: Actor, input: CreateCategoryInput): Promise<Category> {
  authorize(actor, 'categories.manage');
  const data = parseInput(createCategoryInput, input);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (await findCategoryByName(trx, data.name)) throw categoryExists(data.name);
      const now = deps.clock.now();
      const row = await trx
        .insertInto('categories')
        .values({ name: data.name, description: data.description, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return rowToCategory(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw categoryExists(data.name);
    throw error;
  }
}
