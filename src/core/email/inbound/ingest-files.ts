import { z } from 'zod';
import { authorize, type Actor } from '../../access/permissions.js';
import type { Deps } from '../../deps.js';
import { emailSchema, parseInput } from '../../validation.js';
import { newIntakeBatch } from './intake-batch.js';
import { ingestMessage, type EmailDecision } from './ingest-message.js';

export const ingestFilesInput = z.object({
  mailbox: emailSchema,
  files: z.array(z.object({ name: z.string(), raw: z.custom<Uint8Array>((v) => v instanceof Uint8Array, { message: 'must be the message bytes' }) })).min(1, 'name at least one .eml file'),
});

export interface IngestFileResult {
  file: string;
  decision: EmailDecision;
  ticketNumber: number | null;
  autoReply: boolean;
  messageId: string;
  reason: string | null;
}

/**
 * The replay path (`nexus email ingest`): raw messages delivered in order, exactly as a poll would,
 * each taking its time from its Date header. Admin only: it writes mail as any sender.
 */
export async function ingestFiles(deps: Deps, actor: Actor, input: z.input<typeof ingestFilesInput>): Promise<IngestFileResult[]> {
  authorize(actor, 'email.manage');
  const data = parseInput(ingestFilesInput, input);
  const results: IngestFileResult[] = [];
  // One delivery: the mailbox and the templates are read once for all the files.
  const batch = newIntakeBatch();
  for (const file of data.files) {
    const result = await ingestMessage(deps, { mailbox: data.mailbox, raw: file.raw, useDateHeader: true, batch });
    results.push({ file: file.name, ...result });
  }
  return results;
}
