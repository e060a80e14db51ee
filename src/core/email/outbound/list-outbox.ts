import { join } from 'node:path';
import { z } from 'zod';
import { authorize, type Actor } from '../../access/permissions.js';
import type { Deps } from '../../deps.js';
import { NexusError } from '../../errors.js';
import { parseInput } from '../../validation.js';
import { readOutbox } from '../outbox-transport.js';

export const listOutboxInput = z.object({
  status: z.enum(['queued', 'sending', 'sent', 'failed']).optional(),
  limit: z.coerce.number({ message: 'must be a number from 1 to 500' }).int('must be a whole number').min(1, 'must be at least 1').max(500, 'must be at most 500').default(50),
  /** The `nextCursor` of the previous page. */
  cursor: z.string().trim().min(1).max(500).optional(),
});

/**
 * One outgoing mail, as `nexus email outbox --json` and `GET /v1/email/outbox` list it. `kind` is
 * `local_outbox` for mail the embedded desk wrote to its outbox folder (no mail account), otherwise the
 * queue's kind (ack, agent_reply, closed, password_reset…).
 */
export const outboxMailSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    automatic: z.boolean(),
    status: z.enum(['queued', 'sending', 'sent', 'failed']),
    ticketNumber: z.number().int().nullable(),
    to: z.string(),
    from: z.string().nullable(),
    subject: z.string(),
    messageId: z.string().nullable(),
    providerMessageId: z.string().nullable(),
    attempts: z.number().int(),
    nextAttemptAt: z.string().nullable(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    text: z.string(),
  })
  .meta({ id: 'OutboxMail' });
export type OutboxMail = z.infer<typeof outboxMailSchema>;

const cursorOf = (m: OutboxMail) => Buffer.from(`${m.createdAt}|${m.id}`).toString('base64url');

function decodeCursor(cursor: string | undefined): { at: Date; id: string } | undefined {
  if (cursor === undefined) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const date = at ? new Date(at) : undefined;
  if (!date || Number.isNaN(date.getTime()) || !id) {
    throw new NexusError('VALIDATION_FAILED', 'The cursor is not one this list gave out', { details: [{ path: 'cursor', message: 'is not a cursor from this list' }] });
  }
  return { at: date, id };
}

/** Newest first; ties by id, highest first (the queue's order, so one cursor pages both sources). */
const newestFirst = (a: OutboxMail, b: OutboxMail) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : a.id > b.id ? -1 : 0) : a.createdAt < b.createdAt ? 1 : -1);

/**
 * The outbound mail, newest first (admin): the queue (what was sent, what waits, what failed and why)
 * and the mail the embedded desk wrote to `<dataDir>/outbox/` when no account sends it, in one list
 * paged by one cursor.
 */
export async function listOutbox(deps: Deps, actor: Actor, input: z.input<typeof listOutboxInput> = {}): Promise<{ items: OutboxMail[]; nextCursor: string | null }> {
  authorize(actor, 'email.manage');
  const data = parseInput(listOutboxInput, input);
  const after = decodeCursor(data.cursor);
  const rows = await deps.db
    .selectFrom('email_outbox as o')
    .leftJoin('tickets as t', 't.id', 'o.ticket_id')
    .select(['o.id', 'o.kind', 'o.automatic', 'o.status', 't.number', 'o.to_address', 'o.from_address', 'o.subject', 'o.message_id', 'o.provider_message_id', 'o.attempts', 'o.next_attempt_at', 'o.last_error', 'o.created_at', 'o.sent_at', 'o.text_body'])
    .$if(data.status !== undefined, (q) => q.where('o.status', '=', data.status!))
    .$if(after !== undefined, (q) => q.where((eb) => eb.or([eb('o.created_at', '<', after!.at), eb.and([eb('o.created_at', '=', after!.at), eb('o.id', '<', after!.id)])])))
    .orderBy('o.created_at', 'desc')
    .orderBy('o.id', 'desc')
    .limit(data.limit + 1)
    .execute();
  const queued: OutboxMail[] = rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    automatic: r.automatic,
    status: r.status,
    ticketNumber: r.number ?? null,
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
    text: r.text_body,
  }));
  const local: OutboxMail[] =
    data.status && data.status !== 'sent'
      ? []
      : (await readOutbox(join(deps.config.dataDir, 'outbox'))).map((m) => ({
          id: m.id,
          kind: 'local_outbox',
          automatic: false,
          status: 'sent' as const,
          ticketNumber: null,
          to: m.to,
          from: m.from ?? null,
          subject: m.subject,
          messageId: m.headers?.['Message-ID'] ?? null,
          providerMessageId: null,
          attempts: 1,
          nextAttemptAt: null,
          lastError: null,
          createdAt: new Date(m.sentAt).toISOString(),
          sentAt: new Date(m.sentAt).toISOString(),
          text: m.text,
        }));
  const afterCursor = (m: OutboxMail) => !after || m.createdAt < after.at.toISOString() || (m.createdAt === after.at.toISOString() && m.id < after.id);
  const merged = [...queued, ...local.filter(afterCursor)].sort(newestFirst);
  const items = merged.slice(0, data.limit);
  return { items, nextCursor: merged.length > data.limit ? cursorOf(items.at(-1)!) : null };
}
