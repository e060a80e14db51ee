import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { countTicketsWithTag, findTagByName, isUniqueViolation, rowToTag, tagColorSchema, tagExists, tagNameSchema, tagNotFound, type Tag } from './tags.js';

export const updateTagInput = z.object({
  name: tagNameSchema,
  newName: tagNameSchema.optional(),
  /** A hex colour, or null to remove it. */
  color: tagColorSchema.nullable().optional(),
});
export type UpdateTagInput = z.input<typeof updateTagInput>;

/** Renames a tag and/or changes its colour (admin). Tickets keep the tag under its new name. */
export async function updateTag(deps: Deps, actor: Actor, input: UpdateTagInput): Promise<Tag> {
  authorize(actor, 'tags.manage');
  const data = parseInput(updateTagInput, input);
  try {
    return await deps.db.transaction().execute(async (trx) => {
      const tag = await findTagByName(trx, data.name);
      if (!tag) throw tagNotFound(data.name);
      if (data.newName !== undefined && data.newName.toLowerCase() !== tag.name.toLowerCase() && (await findTagByName(trx, data.newName))) {
        throw tagExists(data.newName);
      }
      const row = await trx
        .updateTable('tags')
        .set({
          name: data.newName ?? tag.name,
          color: data.color === undefined ? tag.color : data.color,
          updated_at: deps.clock.now(),
        })
        .where('id', '=', tag.id)
        .returningAll()
        .executeTakeFirstOrThrow();
      return rowToTag(row, await countTicketsWithTag(trx, tag.id));
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw tagExists(data.newName ?? data.name);
    throw error;
  }
}
