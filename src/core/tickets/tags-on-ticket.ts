import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema } from './ticket-changes.js';
import { authorizeOnTickets, loadTicket, recordEvent } from './ticket.js';
import { findTagByName, tagNotFound, tagNameSchema, ticketTagNames } from './tags.js';

export const ticketTagsInput = z.object({
  ticket: ticketRefSchema,
  tags: z.array(tagNameSchema).min(1, 'name at least one tag').max(50),
});
export type TicketTagsInput = z.input<typeof ticketTagsInput>;

export interface TicketTagsResult {
  ticketNumber: number;
  /** Every tag the ticket carries now, sorted. */
  tags: string[];
  /** What this call changed (empty when the ticket already was as asked: the call is idempotent). */
  changed: string[];
}

/**
 * Adds (or removes) catalogue tags on a ticket (staff). A name not in the catalogue is NOT_FOUND with
 * a hint — tags are never created implicitly, so the catalogue stays the one list admins curate.
 * All names are checked before anything changes; an event records what actually changed.
 */
async function changeTags(deps: Deps, actor: Actor, input: TicketTagsInput, mode: 'add' | 'remove'): Promise<TicketTagsResult> {
  const data = parseInput(ticketTagsInput, input);
  authorizeOnTickets(actor, 'ticket.tag', data.ticket);
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, data.ticket, 'ticket.tag', { forUpdate: true });
    const tags: { id: string; name: string }[] = [];
    for (const name of data.tags) {
      const tag = await findTagByName(trx, name);
      if (!tag) throw tagNotFound(name);
      if (!tags.some((t) => t.id === tag.id)) tags.push(tag);
    }
    const current = new Set(
      (await trx.selectFrom('ticket_tags').select('tag_id').where('ticket_id', '=', ticket.id).execute()).map((r) => r.tag_id),
    );
    const now = deps.clock.now();
    const changed = tags.filter((t) => (mode === 'add' ? !current.has(t.id) : current.has(t.id)));
    if (changed.length > 0) {
      if (mode === 'add') {
        await trx
          .insertInto('ticket_tags')
          .values(changed.map((t) => ({ ticket_id: ticket.id, tag_id: t.id, added_by: actor.id, created_at: now })))
          .onConflict((oc) => oc.doNothing())
          .execute();
      } else {
        await trx.deleteFrom('ticket_tags').where('ticket_id', '=', ticket.id).where('tag_id', 'in', changed.map((t) => t.id)).execute();
      }
      await trx.updateTable('tickets').set({ updated_at: now }).where('id', '=', ticket.id).execute();
      await recordEvent(trx, { ticketId: ticket.id, actorId: actor.id, type: mode === 'add' ? 'ticket.tags_added' : 'ticket.tags_removed', data: { tags: changed.map((t) => t.name) }, at: now });
    }
    return { ticketNumber: ticket.number, tags: await ticketTagNames(trx, ticket.id), changed: changed.map((t) => t.name) };
  });
}

export const addTicketTags = (deps: Deps, actor: Actor, input: TicketTagsInput) => changeTags(deps, actor, input, 'add');
export const removeTicketTags = (deps: Deps, actor: Actor, input: TicketTagsInput) => changeTags(deps, actor, input, 'remove');
