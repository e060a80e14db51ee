import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import { z } from 'zod';
import type { DB, TagsTable } from '../db/schema.js';
import { NexusError } from '../errors.js';

/** A catalogue tag (JSON, API). `ticketCount` counts tickets outside the trash. */
export interface Tag {
  id: string;
  name: string;
  color: string | null;
  ticketCount: number;
  createdAt: string;
}

export const tagNameSchema = z
  .string({ message: 'is required' })
  .trim()
  .min(1, 'must not be empty')
  .max(50, 'must be at most 50 characters')
  .refine((name) => !/[,\p{Cc}]/u.test(name), 'must not contain commas or control characters');

export const tagColorSchema = z
  .string()
  .trim()
  .regex(/^#?[0-9a-fA-F]{6}$/, 'must be a hex colour like #1f6feb')
  .transform((c) => `#${c.replace(/^#/, '').toLowerCase()}`);

export const rowToTag = (row: Selectable<TagsTable>, ticketCount = 0): Tag => ({
  id: row.id,
  name: row.name,
  color: row.color,
  ticketCount,
  createdAt: row.created_at.toISOString(),
});

export function findTagByName(db: Kysely<DB> | Transaction<DB>, name: string) {
  return db.selectFrom('tags').selectAll().where(sql<string>`lower(name)`, '=', name.trim().toLowerCase()).executeTakeFirst();
}

export const tagNotFound = (name: string): NexusError =>
  new NexusError('NOT_FOUND', `Tag "${name}" not found`, { hint: 'Tags come from the catalogue: see `nexus tags list`; an admin adds one with `nexus tags create`.' });

export const tagExists = (name: string): NexusError =>
  new NexusError('ALREADY_EXISTS', `A tag named "${name}" already exists`, { hint: 'Tag names are unique regardless of case.' });

export async function countTicketsWithTag(db: Kysely<DB> | Transaction<DB>, tagId: string): Promise<number> {
  const row = await db
    .selectFrom('ticket_tags')
    .innerJoin('tickets', 'tickets.id', 'ticket_tags.ticket_id')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('ticket_tags.tag_id', '=', tagId)
    .where('tickets.deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** The names of a ticket's tags, sorted. */
export async function ticketTagNames(db: Kysely<DB> | Transaction<DB>, ticketId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('ticket_tags')
    .innerJoin('tags', 'tags.id', 'ticket_tags.tag_id')
    .select('tags.name')
    .where('ticket_tags.ticket_id', '=', ticketId)
    .orderBy(sql`lower(tags.name)`)
    .execute();
  return rows.map((r) => r.name);
}

/** Postgres unique violation (a race lost against a concurrent insert of the same name). */
export const isUniqueViolation = (error: unknown): boolean => (error as { code?: string }).code === '23505';
