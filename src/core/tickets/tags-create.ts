import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { findTagByName, isUniqueViolation, rowToTag, tagColorSchema, tagExists, tagNameSchema, type Tag } from './tags.js';

export const createTagInput = z.object({ name: tagNameSchema, color: tagColorSchema.optional() });
export type CreateTagInput = z.input<typeof createTagInput>;

/** Adds a tag to the catalogue (admin). Names are unique regardless of case. */
export async function createTag(deps: Deps, actor: Actor, input: CreateTagInput): Promise<Tag> {
  authorize(actor, 'tags.manage');
  const data = parseInput(createTagInput, input);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      if (await findTagByName(trx, data.name)) throw tagExists(data.name);
      const now = deps.clock.now();
      const row = await trx
        .insertInto('tags')
        .values({ name: data.name, color: data.color ?? null, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return rowToTag(row);
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw tagExists(data.name);
    throw error;
  }
}
