import { authorize, isStaff, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { attachmentRefInput, type AttachmentRefInput } from './attachments-download.js';
import { findAttachment, requireBlobs } from './attachments.js';
import { loadTicket, recordEvent } from './ticket.js';

/**
 * Deletes an attachment: staff any, a customer only the files they uploaded to their own tickets.
 * The row goes in the transaction; the blob after it commits.
 */
export async function deleteAttachment(deps: Deps, actor: Actor, input: AttachmentRefInput): Promise<{ id: string; ticketNumber: number; filename: string; deleted: true }> {
  authorize(actor, 'attachment.delete');
  const data = parseInput(attachmentRefInput, input);
  const blobs = requireBlobs(deps);
  const result = await deps.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, data.ticket, 'attachment.delete', { forUpdate: true });
    const row = await findAttachment(trx, ticket.id, data.attachmentId);
    if (!isStaff(actor) && row.uploader_id !== actor.id) {
      throw new NexusError('FORBIDDEN', 'You can only delete files you uploaded', { hint: 'Ask the support team to remove it.' });
    }
    await trx.deleteFrom('attachments').where('id', '=', row.id).execute();
    await recordEvent(trx, { ticketId: ticket.id, actorId: actor.id, type: 'ticket.attachment_deleted', data: { attachmentId: row.id, filename: row.filename }, at: deps.clock.now() });
    return { id: row.id, ticketNumber: ticket.number, filename: row.filename, deleted: true as const, key: row.storage_key };
  });
  await blobs.delete(result.key).catch(() => undefined);
  return { id: result.id, ticketNumber: result.ticketNumber, filename: result.filename, deleted: true };
}
