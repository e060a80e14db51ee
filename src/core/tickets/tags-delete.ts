import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { recordEvent } from './ticket.js';
import { findTagByName, tagNameSchema, tagNotFound } from './tags.js';

export const deleteTagInput = z.object({ name: tagNameSchema });

/**
 * Removes a tag from the catalogue and from every ticket that carried it (admin); each of those
 * tickets gets a `tag.removed` event so its history stays complete.
 */
export async function deleteTag(deps: Deps, actor: Actor, input: z.input<typeof deleteTagInput>): Promise<{ name: string; deleted: true; ticketsUntagged: number }> {
  authorize(actor, 'tags.manage');
  const data = parseInput(deleteTagInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const tag = await findTagByName(trx, data.name);
    if (!tag) throw tagNotFound(data.name);
    const links = await trx.selectFrom('ticket_tags').select('ticket_id').where('tag_id', '=', tag.id).execute();
    const now = deps.clock.now();
    for (const link of links) {
      await recordEvent(trx, { ticketId: link.ticket_id, actorId: actor.id, type: 'ticket.tags_removed', data: { tags: [tag.name], reason: 'tag deleted' }, at: now });
    }
    await trx.deleteFrom('tags').where('id', '=', tag.id).execute();
    return { name: tag.name, deleted: true as const, ticketsUntagged: links.length };
  });
}
