import { sql } from 'kysely';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import type { Category } from './categories.js';
import { onePage, type Page } from '../documents.js';

/** The category catalogue with how many tickets are in each (staff). */
export async function listCategories(deps: Deps, actor: Actor): Promise<Page<Category>> {
  authorize(actor, 'categories.view');
  const rows = await deps.db
    .selectFrom('categories')
    .leftJoin('tickets', (join) => join.onRef('tickets.category_id', '=', 'categories.id').on('tickets.deleted_at', 'is', null))
    .select(['categories.id', 'categories.name', 'categories.description', 'categories.created_at'])
    .select((eb) => eb.fn.count<string>('tickets.id').as('ticket_count'))
    .groupBy('categories.id')
    .orderBy(sql`lower(categories.name)`)
    .execute();
  return onePage(rows.map((r) => ({ id: r.id, name: r.name, description: r.description || null, ticketCount: Number(r.ticket_count), createdAt: r.created_at.toISOString() })));
}
