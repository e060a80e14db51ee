import type { Kysely } from 'kysely';
import type { DB, MessageKind, TicketStatus } from '../../src/core/db/schema.js';

/**
 * Test data for the catalogue, time, rating, trash and attachment tests: rows written directly, so
 * those tests do not depend on the ticket lifecycle use cases. Not used by the product.
 */
export async function seedTicket(
  db: Kysely<DB>,
  fields: { customerId: string; status?: TicketStatus; subject?: string; assigneeId?: string; deletedAt?: Date; at?: Date },
): Promise<{ id: string; number: number }> {
  const status = fields.status ?? 'open';
  const at = fields.at ?? new Date('2026-11-25T08:00:00Z');
  return db
    .insertInto('tickets')
    .values({
      subject: fields.subject ?? 'Printer on fire',
      customer_id: fields.customerId,
      status,
      assignee_id: fields.assigneeId ?? null,
      resolved_at: status === 'closed' ? at : null,
      deleted_at: fields.deletedAt ?? null,
      created_at: at,
      updated_at: at,
    })
    .returning(['id', 'number'])
    .executeTakeFirstOrThrow();
}

export async function seedMessage(db: Kysely<DB>, ticketId: string, kind: MessageKind, authorId: string | null = null, body = 'Hello'): Promise<string> {
  const row = await db.insertInto('messages').values({ ticket_id: ticketId, kind, author_id: authorId, body }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function eventsOf(db: Kysely<DB>, ticketId: string): Promise<{ type: string; data: Record<string, unknown> }[]> {
  return db.selectFrom('ticket_events').select(['type', 'data']).where('ticket_id', '=', ticketId).orderBy('id').execute();
}

/** The code of a rejected NexusError (or the message of anything else), for table-driven expectations. */
export async function failureOf(promise: Promise<unknown>): Promise<{ code: string; message: string; details?: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: string; message: string; details?: unknown };
    return { code: e.code ?? 'NOT_A_NEXUS_ERROR', message: e.message, details: e.details };
  }
  throw new Error('expected the promise to reject, but it resolved');
}

/** Bytes from numbers and latin1 strings, for hand-made file headers. */
export const bytes = (...parts: (number[] | string)[]): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));

/** One small sample of every allowed kind of file, by its magic bytes. */
export const SAMPLES = {
  png: bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'rest'),
  jpeg: bytes([0xff, 0xd8, 0xff, 0xe0], 'JFIF'),
  gif: bytes('GIF89a', [1, 0, 1, 0]),
  webp: bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '),
  pdf: bytes('%PDF-1.7\n'),
  docx: bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....word/document.xml'),
  xlsx: bytes([0x50, 0x4b, 0x03, 0x04], '....[Content_Types].xml....xl/workbook.xml'),
  text: new TextEncoder().encode('Grüße, the printer is on fire 🔥\n'),
};

