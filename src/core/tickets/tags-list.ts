import { sql } from 'kysely';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import type { Tag } from './tags.js';
import { onePage, type Page } from '../documents.js';

/** The tag catalogue with how many tickets carry each tag (staff). */
export async function listTags(deps: Deps, actor: Actor): Promise<Page<Tag>> {
  authorize(actor, 'tags.view');
  const rows = await deps.db
    .selectFrom('tags')
    .leftJoin('ticket_tags', 'ticket_tags.tag_id', 'tags.id')
    .leftJoin('tickets', (join) => join.onRef('tickets.id', '=', 'ticket_tags.ticket_id').on('tickets.deleted_at', 'is', null))
    .select(['tags.id', 'tags.name', 'tags.color', 'tags.created_at'])
    .select((eb) => eb.fn.count<string>('tickets.id').as('ticket_count'))
    .groupBy('tags.id')
    .orderBy(sql`lower(tags.name)`)
    .execute();
  return onePage(rows.map((r) => ({ id: r.id, name: r.name, color: r.color, ticketCount: Number(r.ticket_count), createdAt: r.created_at.toISOString() })));
}
