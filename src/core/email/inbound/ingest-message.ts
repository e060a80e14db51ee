import { randomUUID } from 'node:crypto';
import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { resolveMailbox, type Mailbox } from '../accounts/resolve-mailbox.js';
import { fixedClock } from '../in-transaction.js';
import { decideAndApply, type Outcome } from './decide.js';
import { parseMail, readHeaderBlock, type ParsedMessage } from './parse-mail.js';

/** One vocabulary for the code, `nexus email ingest --json` and the fixtures (DESIGN.md §4). */
export type EmailDecision = 'new_ticket' | 'same_ticket' | 'duplicate' | 'ignored_autoreply' | 'ignored_bounce' | 'quarantined';

export interface IngestResult {
  decision: EmailDecision;
  /** The ticket number the message went to (null when it opened or joined none). */
  ticketNumber: number | null;
  /** Whether an automatic mail (acknowledgement) was queued for it. */
  autoReply: boolean;
  messageId: string;
  reason: string | null;
}

export interface ImapCheckpoint {
  accountId: string;
  mailbox: string;
  uidValidity: string;
  uid: number;
}

export interface IngestInput {
  /** The address the message was delivered to (an account's address or alias). */
  mailbox: string;
  raw: Uint8Array;
  /** Replay: take the message's time from its Date header, as if it arrived then. */
  useDateHeader?: boolean;
  /** IMAP: advanced in the same transaction as the message is stored. */
  checkpoint?: ImapCheckpoint;
}

async function saveCheckpoint(trx: Transaction<DB>, checkpoint: ImapCheckpoint | undefined, at: Date): Promise<void> {
  if (!checkpoint) return;
  await sql`
    insert into email_checkpoints (account_id, mailbox, uid_validity, last_uid, updated_at)
    values (${checkpoint.accountId}, ${checkpoint.mailbox}, ${checkpoint.uidValidity}, ${checkpoint.uid}, ${at})
    on conflict (account_id, mailbox) do update set
      last_uid = case when email_checkpoints.uid_validity = excluded.uid_validity
                      then greatest(email_checkpoints.last_uid, excluded.last_uid) else excluded.last_uid end,
      uid_validity = excluded.uid_validity,
      updated_at = excluded.updated_at`.execute(trx);
}

/** What is left of a message when its MIME cannot be parsed: the header block alone. */
function headerOnly(raw: Uint8Array): Uint8Array {
  const { bodyOffset } = readHeaderBlock(raw);
  return raw.subarray(0, Math.min(bodyOffset, 1_000_000));
}

/**
 * The one ingestion path for every source (IMAP, webhooks, replay): store the raw message, dedupe by
 * (mailbox, Message-ID), classify (bounce → automatic reply → list/machine → human), thread, and hand
 * the customer's words to the ordinary ticket use cases — all in one transaction with the checkpoint.
 * Never throws for bad mail: what cannot be processed is quarantined with its reason.
 */
export async function ingestMessage(deps: Deps, input: IngestInput): Promise<IngestResult> {
  const mailbox = await resolveMailbox(deps.db, input.mailbox);
  const tooLarge = input.raw.byteLength > deps.config.email.maxMessageBytes;
  const parsed = await parseMail(tooLarge ? headerOnly(input.raw) : input.raw);
  const at = input.useDateHeader && parsed.date ? parsed.date : deps.clock.now();
  let rawKey: string | null = null;
  if (deps.blobs) {
    rawKey = `email/${randomUUID()}`;
    try {
      await deps.blobs.put(rawKey, input.raw, 'message/rfc822');
    } catch {
      rawKey = null;
    }
  }
  const keep = { rawKey, raw: rawKey || tooLarge ? null : input.raw };
  try {
    const result = await deps.db.transaction().execute((trx) => ingestInTransaction(deps, trx, { mailbox, parsed, at, tooLarge, size: input.raw.byteLength, keep, checkpoint: input.checkpoint }));
    if (result.decision === 'duplicate' && rawKey) await deps.blobs?.delete(rawKey).catch(() => {});
    return result;
  } catch (error) {
    // A message that breaks a use case is quarantined, so the poller moves on past it.
    const reason = `error: ${(error as Error).message}`.slice(0, 500);
    return deps.db.transaction().execute(async (trx) => {
      const inserted = await insertRow(trx, { mailbox, parsed, at, size: input.raw.byteLength, keep }, 'quarantined', reason);
      await saveCheckpoint(trx, input.checkpoint, at);
      return { decision: inserted ? 'quarantined' : 'duplicate', ticketNumber: null, autoReply: false, messageId: parsed.messageId, reason } satisfies IngestResult;
    });
  }
}

interface Prepared {
  mailbox: Mailbox;
  parsed: ParsedMessage;
  at: Date;
  size: number;
  keep: { rawKey: string | null; raw: Uint8Array | null };
}

async function insertRow(trx: Transaction<DB>, p: Prepared, decision: 'quarantined', reason: string): Promise<string | null> {
  const own = new Set(p.mailbox.ownAddresses);
  const row = await trx
    .insertInto('email_messages')
    .values({
      mailbox: p.mailbox.address,
      message_id: p.parsed.messageId,
      direction: 'inbound',
      decision,
      reason,
      from_address: p.parsed.from?.address ?? null,
      reply_to: p.parsed.replyTo[0]?.address ?? null,
      cc_addresses: [...p.parsed.to, ...p.parsed.cc].map((a) => a.address).filter((a) => !own.has(a)),
      subject: p.parsed.subject.slice(0, 1000),
      size_bytes: p.size,
      raw_key: p.keep.rawKey,
      raw: p.keep.raw,
      created_at: p.at,
    })
    .onConflict((oc) => oc.columns(['mailbox', 'message_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

async function ingestInTransaction(deps: Deps, trx: Transaction<DB>, p: Prepared & { tooLarge: boolean; checkpoint: ImapCheckpoint | undefined }): Promise<IngestResult> {
  const rowId = await insertRow(trx, p, 'quarantined', 'processing');
  if (!rowId) {
    await saveCheckpoint(trx, p.checkpoint, p.at);
    return { decision: 'duplicate', ticketNumber: null, autoReply: false, messageId: p.parsed.messageId, reason: 'Message-ID already ingested in this mailbox' };
  }
  const outcome: Outcome = p.tooLarge
    ? { decision: 'quarantined', reason: `too_large: ${p.size} bytes (limit ${deps.config.email.maxMessageBytes})`, ticketId: null, ticketNumber: null, messageRef: null, autoReply: false }
    : await decideAndApply(deps, trx, { mailbox: p.mailbox, parsed: p.parsed, clock: fixedClock(p.at) });
  await trx
    .updateTable('email_messages')
    .set({ decision: outcome.decision, reason: outcome.reason, ticket_id: outcome.ticketId, message_ref: outcome.messageRef, auto_reply: outcome.autoReply })
    .where('id', '=', rowId)
    .execute();
  await saveCheckpoint(trx, p.checkpoint, p.at);
  return { decision: outcome.decision, ticketNumber: outcome.ticketNumber, autoReply: outcome.autoReply, messageId: p.parsed.messageId, reason: outcome.reason };
}
