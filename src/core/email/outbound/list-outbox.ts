import { z } from 'zod';
import { authorize, type Actor } from '../../access/permissions.js';
import type { Deps } from '../../deps.js';
import { parseInput } from '../../validation.js';

export const listOutboxInput = z.object({
  status: z.enum(['queued', 'sending', 'sent', 'failed']).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().optional(),
});

export interface OutboxMail {
  id: string;
  kind: string;
  automatic: boolean;
  status: string;
  ticket: number | null;
  to: string;
  from: string;
  subject: string;
  messageId: string;
  providerMessageId: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
  createdAt: string;
  sentAt: string | null;
}

/** The outbound queue, newest first (admin): what was sent, what waits, what failed and why. */
export async function listOutbox(deps: Deps, actor: Actor, input: z.input<typeof listOutboxInput> = {}): Promise<{ items: OutboxMail[]; nextCursor: string | null }> {
  authorize(actor, 'email.manage');
  const data = parseInput(listOutboxInput, input);
  const [cursorAt, cursorId] = data.cursor ? (Buffer.from(data.cursor, 'base64url').toString('utf8').split('|') as [string, string]) : [];
  const rows = await deps.db
    .selectFrom('email_outbox as o')
    .leftJoin('tickets as t', 't.id', 'o.ticket_id')
    .select(['o.id', 'o.kind', 'o.automatic', 'o.status', 't.number', 'o.to_address', 'o.from_address', 'o.subject', 'o.message_id', 'o.provider_message_id', 'o.attempts', 'o.next_attempt_at', 'o.last_error', 'o.created_at', 'o.sent_at'])
    .$if(data.status !== undefined, (q) => q.where('o.status', '=', data.status!))
    .$if(cursorAt !== undefined, (q) => q.where((eb) => eb.or([eb('o.created_at', '<', new Date(cursorAt!)), eb.and([eb('o.created_at', '=', new Date(cursorAt!)), eb('o.id', '<', cursorId!)])])))
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(data.limit + 1)
    .execute();
  const page = rows.slice(0, data.limit);
  const last = page.at(-1);
  return {
    items: page.map((r) => ({
      id: r.id,
      kind: r.kind,
      automatic: r.automatic,
      status: r.status,
      ticket: r.number ?? null,
      to: r.to_address,
      from: r.from_address,
      subject: r.subject,
      messageId: r.message_id,
      providerMessageId: r.provider_message_id,
      attempts: r.attempts,
      nextAttemptAt: r.status === 'queued' ? r.next_attempt_at.toISOString() : null,
      lastError: r.last_error,
      createdAt: r.created_at.toISOString(),
      sentAt: r.sent_at?.toISOString() ?? null,
    })),
    nextCursor: rows.length > data.limit && last ? Buffer.from(`${last.created_at.toISOString()}|${last.id}`).toString('base64url') : null,
  };
}
