import type { Kysely, Selectable, Transaction } from 'kysely';
import type { AttachmentsTable, DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import type { BlobStore } from '../storage/blob-store.js';
import { toPerson, type Person } from './ticket.js';

/** Attachment metadata (JSON, API). The bytes come from `download`. A type alias, so it fits JSON schemas with open objects. */
export type Attachment = {
  id: string;
  ticketNumber: number;
  messageId: string | null;
  filename: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedBy: Person | null;
  createdAt: string;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (value: string): boolean => UUID.test(value);

export const attachmentNotFound = (id: string): NexusError =>
  new NexusError('NOT_FOUND', `Attachment ${id} not found on this ticket`, { hint: 'List them with `nexus tickets attachments N`.' });

export function requireBlobs(deps: Deps): BlobStore {
  if (!deps.blobs) throw new NexusError('INTERNAL', 'No blob store is configured for attachments');
  return deps.blobs;
}

export const attachmentKey = (ticketId: string, attachmentId: string): string => `tickets/${ticketId}/${attachmentId}`;

type Row = Selectable<AttachmentsTable>;

/** Maps rows to the public shape, loading the uploaders in one query. */
export async function presentAttachments(db: Kysely<DB> | Transaction<DB>, ticketNumber: number, rows: Row[]): Promise<Attachment[]> {
  const ids = [...new Set(rows.map((r) => r.uploader_id).filter((id): id is string => id !== null))];
  const people = ids.length ? await db.selectFrom('users').select(['id', 'email', 'name']).where('id', 'in', ids).execute() : [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return rows.map((r) => ({
    id: r.id,
    ticketNumber,
    messageId: r.message_id,
    filename: r.filename,
    contentType: r.content_type,
    sizeBytes: r.size_bytes,
    sha256: r.sha256,
    uploadedBy: r.uploader_id && byId.has(r.uploader_id) ? toPerson(byId.get(r.uploader_id)!) : null,
    createdAt: r.created_at.toISOString(),
  }));
}

/** One attachment of a ticket the actor already may see; NOT_FOUND when it belongs elsewhere. */
export async function findAttachment(db: Kysely<DB> | Transaction<DB>, ticketId: string, attachmentId: string): Promise<Row> {
  if (!isUuid(attachmentId)) throw attachmentNotFound(attachmentId);
  const row = await db.selectFrom('attachments').selectAll().where('id', '=', attachmentId).where('ticket_id', '=', ticketId).executeTakeFirst();
  if (!row) throw attachmentNotFound(attachmentId);
  return row;
}
