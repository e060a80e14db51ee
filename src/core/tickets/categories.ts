import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { z } from 'zod';
import type { CategoriesTable, DB } from '../db/schema.js';
import { NexusError } from '../errors.js';

/** A catalogue category (JSON, API). `ticketCount` counts tickets outside the trash. */
export interface Category {
  id: string;
  name: string;
  /** Null when none was given. */
  description: string | null;
  ticketCount: number;
  createdAt: string;
}

export const categoryNameSchema = z
  .string({ message: 'is required' })
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .refine((name) => !/\p{Cc}/u.test(name), 'must not contain control characters');

export const categoryDescriptionSchema = z.string().trim().max(1000, 'must be at most 1,000 characters');

export const rowToCategory = (row: Selectable<CategoriesTable>, ticketCount = 0): Category => ({
  id: row.id,
  name: row.name,
  description: row.description || null,
  ticketCount,
  createdAt: row.created_at.toISOString(),
});

export function findCategoryByName(db: Kysely<DB> | Transaction<DB>, name: string) {
  return db.selectFrom('categories').selectAll().where(sql<string>`lower(name)`, '=', name.trim().toLowerCase()).executeTakeFirst();
}

export const categoryNotFound = (name: string): NexusError =>
  new NexusError('NOT_FOUND', `Category "${name}" not found`, { hint: 'See `nexus categories list`; an admin adds one with `nexus categories create`.' });

export const categoryExists = (name: string): NexusError =>
  new NexusError('ALREADY_EXISTS', `A category named "${name}" already exists`, { hint: 'Category names are unique regardless of case.' });

export async function countTicketsInCategory(db: Kysely<DB> | Transaction<DB>, categoryId: string): Promise<number> {
  const row = await db
    .selectFrom('tickets')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('category_id', '=', categoryId)
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
