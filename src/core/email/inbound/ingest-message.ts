import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { Mailbox } from '../accounts/resolve-mailbox.js';
import { fixedClock } from '../in-transaction.js';
import { classifyIntake, decideAndApply, type Outcome } from './decide.js';
import { newIntakeBatch, type IntakeBatch } from './intake-batch.js';
import { readIntakeLookups, saveProgress, type ImapCheckpoint, type IntakeProgress } from './intake-lookups.js';
import { parseMail, readHeaderBlock, type ParsedMessage } from './parse-mail.js';
import { threadIdsOf } from './thread-lookup.js';

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

export type { ImapCheckpoint } from './intake-lookups.js';

export interface IngestInput {
  /** The address the message was delivered to (an account's address or alias). */
  mailbox: string;
  raw: Uint8Array;
  /** Replay: take the message's time from its Date header, as if it arrived then. */
  useDateHeader?: boolean;
  /** IMAP: advanced in the same transaction as the message is stored. */
  checkpoint?: ImapCheckpoint;
  /** Webhook inbox: the row holding the message, marked done in the same transaction as the message is stored. */
  inboxId?: string;
  /** The delivery this message is part of (mailbox and templates read once); a batch of one otherwise. */
  batch?: IntakeBatch;
}

/** What is left of a message when its MIME cannot be parsed: the header block alone. */
function headerOnly(raw: Uint8Array): Uint8Array {
  const { bodyOffset } = readHeaderBlock(raw);
  return raw.subarray(0, Math.min(bodyOffset, 1_000_000));
}

/** Thrown inside the intake transaction to roll it back when a concurrent delivery stored the same message first. */
class StoredConcurrently extends Error {}

/**
 * The one ingestion path for every source (IMAP, webhooks, replay): store the raw message, dedupe by
 * (mailbox, Message-ID), classify (bounce → automatic reply → list/machine → human), thread, and hand
 * the customer's words to the ordinary ticket use cases — all in one transaction with the checkpoint.
 * Never throws for bad mail: what cannot be processed is quarantined with its reason.
 */
export async function ingestMessage(deps: Deps, input: IngestInput): Promise<IngestResult> {
  const batch = input.batch ?? newIntakeBatch();
  const mailbox = await batch.mailbox(deps.db, input.mailbox);
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
  const progress: IntakeProgress = { checkpoint: input.checkpoint, inboxId: input.inboxId };
  // The progress marks carry the time the message was processed, also when a replay dates the message.
  const processedAt = deps.clock.now();
  const p: Prepared = { mailbox, parsed, at, size: input.raw.byteLength, keep: { rawKey, raw: rawKey || tooLarge ? null : input.raw } };
  const duplicate = async () => {
    if (rawKey) await deps.blobs?.delete(rawKey).catch(() => {});
    return { decision: 'duplicate', ticketNumber: null, autoReply: false, messageId: parsed.messageId, reason: 'Message-ID already ingested in this mailbox' } satisfies IngestResult;
  };
  try {
    const result = await deps.db.transaction().execute((trx) => ingestInTransaction(deps, trx, { ...p, batch, tooLarge, progress, processedAt }));
    return result ?? (await duplicate());
  } catch (error) {
    if (error instanceof StoredConcurrently) {
      // Its twin committed first: nothing of this delivery stays but the checkpoint.
      if (progress.checkpoint || progress.inboxId) await deps.db.transaction().execute((trx) => saveProgress(trx, progress, parsed.messageId, processedAt));
      return duplicate();
    }
    // A message that breaks a use case is quarantined, so the poller moves on past it.
    const reason = `error: ${(error as Error).message}`.slice(0, 500);
    return deps.db.transaction().execute(async (trx) => {
      const inserted = await insertRow(trx, p, { decision: 'quarantined', reason, ticketId: null, ticketNumber: null, messageRef: null, autoReply: false });
      await saveProgress(trx, progress, parsed.messageId, processedAt);
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

/** The message's own row, with its decision; null when the (mailbox, Message-ID) is already stored. */
async function insertRow(trx: Transaction<DB>, p: Prepared, outcome: Outcome): Promise<string | null> {
  const own = new Set(p.mailbox.ownAddresses);
  const row = await trx
    .insertInto('email_messages')
    .values({
      mailbox: p.mailbox.address,
      message_id: p.parsed.messageId,
      direction: 'inbound',
      decision: outcome.decision,
      reason: outcome.reason,
      ticket_id: outcome.ticketId,
      message_ref: outcome.messageRef,
      auto_reply: outcome.autoReply,
      no_auto_reply: outcome.noAutoReply ?? null,
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

/**
 * One message in one transaction: the first statement dedupes, reads the sender and the thread and
 * advances the checkpoint (intake-lookups.ts); then the decision runs through the ticket use cases; the
 * last statement stores the message's row with its outcome. Null for a duplicate.
 */
async function ingestInTransaction(deps: Deps, trx: Transaction<DB>, p: Prepared & { batch: IntakeBatch; tooLarge: boolean; progress: IntakeProgress; processedAt: Date }): Promise<IngestResult | null> {
  const intake = classifyIntake(p.mailbox, p.parsed);
  const lookups = await readIntakeLookups(trx, {
    mailbox: p.mailbox.address,
    messageId: p.parsed.messageId,
    sender: intake.kind === 'person' ? p.parsed.from : null,
    createSender: intake.kind === 'person' && !p.tooLarge,
    threadIds: intake.kind === 'person' || intake.kind === 'autoreply' ? threadIdsOf(p.parsed) : [],
    at: p.at,
    progress: p.progress,
    processedAt: p.processedAt,
  });
  if (lookups.duplicate) return null;
  const outcome: Outcome = p.tooLarge
    ? { decision: 'quarantined', reason: `too_large: ${p.size} bytes (limit ${deps.config.email.maxMessageBytes})`, ticketId: null, ticketNumber: null, messageRef: null, autoReply: false }
    : await decideAndApply(deps, trx, { mailbox: p.mailbox, parsed: p.parsed, clock: fixedClock(p.at), intake, lookups, batch: p.batch });
  if (!(await insertRow(trx, p, outcome))) throw new StoredConcurrently();
  return { decision: outcome.decision, ticketNumber: outcome.ticketNumber, autoReply: outcome.autoReply, messageId: p.parsed.messageId, reason: outcome.reason };
}
