import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { authorize, isStaff, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { attachmentKey, isUuid, presentAttachments, requireBlobs, type Attachment } from './attachments.js';
import { checkUpload } from './attachments-content.js';
import { ticketRefSchema } from './ticket-changes.js';
import { loadTicket, recordEvent } from './ticket.js';

export const uploadAttachmentInput = z.object({
  ticket: ticketRefSchema,
  filename: z.string({ message: 'is required' }).min(1, 'must not be empty').max(1000),
  bytes: z.custom<Uint8Array>((value) => value instanceof Uint8Array, { message: 'must be the file content' }),
  /** Optionally ties the file to one message of the thread. */
  messageId: z.string().trim().optional(),
});
export type UploadAttachmentInput = z.input<typeof uploadAttachmentInput>;

/**
 * Stores a file on a ticket. Size, type (by content) and name are checked before anything is
 * written, so a refused upload leaves no row and no blob; if the row cannot be written after the
 * blob was, the blob is removed again.
 */
export async function uploadAttachment(deps: Deps, actor: Actor, input: UploadAttachmentInput): Promise<Attachment> {
  authorize(actor, 'attachment.upload');
  const data = parseInput(uploadAttachmentInput, input);
  const { filename, contentType } = checkUpload(data.filename, data.bytes);
  const blobs = requireBlobs(deps);
  const sha256 = createHash('sha256').update(data.bytes).digest('hex');
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, data.ticket, 'attachment.upload');
    if (data.messageId !== undefined) {
      const message = isUuid(data.messageId)
        ? await trx.selectFrom('messages').select(['id', 'kind']).where('id', '=', data.messageId).where('ticket_id', '=', ticket.id).executeTakeFirst()
        : undefined;
      if (!message || (message.kind === 'internal' && !isStaff(actor))) {
        throw new NexusError('NOT_FOUND', `Message ${data.messageId} not found on this ticket`);
      }
    }
    const id = randomUUID();
    const key = attachmentKey(ticket.id, id);
    const now = deps.clock.now();
    await blobs.put(key, data.bytes, contentType);
    try {
      const row = await trx
        .insertInto('attachments')
        .values({
          id,
          ticket_id: ticket.id,
          message_id: data.messageId ?? null,
          uploader_id: actor.id,
          filename,
          content_type: contentType,
          size_bytes: data.bytes.byteLength,
          sha256,
          storage_key: key,
          created_at: now,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordEvent(trx, { ticketId: ticket.id, actorId: actor.id, type: 'ticket.attachment_added', data: { attachmentId: id, filename, contentType, sizeBytes: row.size_bytes }, at: now });
      const [attachment] = await presentAttachments(trx, ticket.number, [row]);
      return attachment!;
    } catch (error) {
      await blobs.delete(key).catch(() => undefined);
      throw error;
    }
  });
}
