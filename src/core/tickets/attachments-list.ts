import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { parseInput } from '../validation.js';
import { presentAttachments, type Attachment } from './attachments.js';
import { ticketRefSchema } from './ticket-changes.js';
import { loadTicket } from './ticket.js';
import { attachmentFor } from './visibility.js';
import { onePage, type Page } from '../documents.js';

export const listAttachmentsInput = z.object({ ticket: ticketRefSchema });

/** A ticket's attachments, oldest first. Customers see only their own tickets'. */
export async function listAttachments(deps: Deps, actor: Actor, input: z.input<typeof listAttachmentsInput>): Promise<Page<Attachment>> {
  authorize(actor, 'attachment.view');
  const data = parseInput(listAttachmentsInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, data.ticket, 'attachment.view');
    const rows = await trx.selectFrom('attachments').selectAll().where('ticket_id', '=', ticket.id).orderBy('created_at').orderBy('id').execute();
    return onePage((await presentAttachments(trx, ticket.number, rows)).map((a) => attachmentFor(actor, a)));
  });
}
