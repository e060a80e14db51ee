import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Deps } from '../../deps.js';
import { newIntakeBatch } from './intake-batch.js';
import { ingestMessage, type EmailDecision, type IngestResult } from './ingest-message.js';

/**
 * The webhook inbox's processor: runs inside `nexus serve` / `nexus worker` (email-workers.ts), woken
 * when a webhook stored a message and on a timer. Each row is claimed with FOR UPDATE SKIP LOCKED and a
 * lease, then ingested through the one intake path, which marks the row done in the same transaction
 * as the message (intake-lookups.ts). So a message stored before a crash is processed after the restart
 * exactly once: a row whose processor died keeps its lease until it expires and is then claimed again,
 * and a re-run of a message that did commit is impossible (the row is done) — and would be a duplicate
 * by Message-ID anyway.
 */

/** Far longer than one message takes; only a dead processor's row waits this long to be retried. */
const LEASE_SECONDS = 120;
/** Done rows (their raw copy already dropped) are kept this long for `nexus email status`, then removed. */
const KEEP_DONE_DAYS = 7;

interface ClaimedRow {
  id: string;
  mailbox: string;
  raw: Uint8Array | null;
}

async function claimNext(deps: Deps, leaseSeconds: number): Promise<ClaimedRow | undefined> {
  const now = deps.clock.now();
  const { rows } = await sql<ClaimedRow>`
    update email_inbox set status = 'processing', lease_id = ${randomUUID()}::uuid, attempts = attempts + 1,
      locked_until = ${new Date(now.getTime() + leaseSeconds * 1000)}::timestamptz
    where id = (
      select id from email_inbox
      where status = 'queued' or (status = 'processing' and locked_until < ${now}::timestamptz)
      order by received_at, id
      for update skip locked
      limit 1
    )
    returning id, mailbox, raw`.execute(deps.db);
  return rows[0];
}

export interface InboxRun {
  processed: number;
  decisions: Partial<Record<EmailDecision, number>>;
}

/** Ingests every stored webhook message that is due, oldest first (at most `max`). */
export async function processInbox(deps: Deps, options: { max?: number; leaseSeconds?: number; onProcessed?: (id: string, result: IngestResult) => void } = {}): Promise<InboxRun> {
  const run: InboxRun = { processed: 0, decisions: {} };
  // One run is one delivery: each mailbox and the templates are read once.
  const batch = newIntakeBatch();
  const max = options.max ?? Number.POSITIVE_INFINITY;
  while (run.processed < max) {
    const row = await claimNext(deps, options.leaseSeconds ?? LEASE_SECONDS);
    if (!row) break;
    let result: IngestResult;
    try {
      // A row without bytes cannot happen (done rows are never claimed); it is quarantined like empty mail.
      result = await ingestMessage(deps, { mailbox: row.mailbox, raw: row.raw ?? new Uint8Array(), inboxId: row.id, batch });
    } catch (error) {
      // Only the database failing gets here (bad mail is quarantined): the lease brings the row back.
      await deps.db
        .updateTable('email_inbox')
        .set({ last_error: `${(error as Error).message}`.slice(0, 500) })
        .where('id', '=', row.id)
        .execute()
        .catch(() => {});
      throw error;
    }
    run.processed += 1;
    run.decisions[result.decision] = (run.decisions[result.decision] ?? 0) + 1;
    options.onProcessed?.(row.id, result);
  }
  const cutoff = new Date(deps.clock.now().getTime() - KEEP_DONE_DAYS * 86_400_000);
  if (run.processed > 0) await deps.db.deleteFrom('email_inbox').where('status', '=', 'done').where('processed_at', '<', cutoff).execute();
  return run;
}
