import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { findAttachment, presentAttachments, requireBlobs, type Attachment } from './attachments.js';
import { ticketRefSchema } from './ticket-changes.js';
import { loadTicket } from './ticket.js';

export const attachmentRefInput = z.object({ ticket: ticketRefSchema, attachmentId: z.string().trim() });
export type AttachmentRefInput = z.input<typeof attachmentRefInput>;

/** One attachment's metadata and bytes. Customers reach only their own tickets' files. */
export async function downloadAttachment(deps: Deps, actor: Actor, input: AttachmentRefInput): Promise<{ attachment: Attachment; bytes: Uint8Array }> {
  authorize(actor, 'attachment.view');
  const data = parseInput(attachmentRefInput, input);
  const blobs = requireBlobs(deps);
  const { attachment, key } = await deps.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, data.ticket, 'attachment.view');
    const row = await findAttachment(trx, ticket.id, data.attachmentId);
    const [presented] = await presentAttachments(trx, ticket.number, [row]);
    return { attachment: presented!, key: row.storage_key };
  });
  return { attachment, bytes: await blobs.get(key) };
}
