import type { Actor } from '../../access/permissions.js';
import type { Deps } from '../../deps.js';
import { checkUpload } from '../../tickets/attachments-content.js';
import { uploadAttachment } from '../../tickets/upload-attachment.js';
import type { ParsedMessage } from './parse-mail.js';

/**
 * Stores a mail's attachments (inline images too) on its ticket message, under the same size and type
 * rules as API uploads; what those rules refuse is skipped and named (the raw mail keeps it anyway).
 */
export async function keepAttachments(deps: Deps, owner: Actor, input: { ticket: number; messageId: string; parsed: ParsedMessage }): Promise<string[]> {
  if (!deps.blobs) return [];
  const skipped: string[] = [];
  for (const [i, attachment] of input.parsed.attachments.entries()) {
    const filename = attachment.filename ?? `attachment-${i + 1}`;
    try {
      checkUpload(filename, attachment.bytes);
    } catch {
      skipped.push(filename);
      continue;
    }
    await uploadAttachment(deps, owner, { ticket: input.ticket, filename, bytes: attachment.bytes, messageId: input.messageId });
  }
  return skipped;
}
