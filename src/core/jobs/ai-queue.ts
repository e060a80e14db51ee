import { randomUUID } from 'node:crypto';
import { sql, type Kysely, type Selectable, type Transaction } from 'kysely';
import type { AiJobsTable, AiOutcome, DB } from '../db/schema.js';

/**
 * The AI reply queue: one row per customer message in `ai_jobs`, enqueued in the message's own
 * transaction. Workers claim with FOR UPDATE SKIP LOCKED and a lease; a job whose worker died is
 * claimed again once its lease expires. Storing the reply and marking the job done happen in one
 * transaction that first re-checks the lease, so a job is never answered twice.
 */
export type AiJob = Selectable<AiJobsTable>;
type Db = Kysely<DB> | Transaction<DB>;

export async function enqueueAiJob(
  trx: Transaction<DB>,
  job: { messageId: string; ticketId: string; at: Date; done?: { outcome: AiOutcome; data: Record<string, unknown> } },
): Promise<void> {
  await trx
    .insertInto('ai_jobs')
    .values({
      message_id: job.messageId,
      ticket_id: job.ticketId,
      run_after: job.at,
      created_at: job.at,
      ...(job.done ? { status: 'done', outcome: job.done.outcome, outcome_data: JSON.stringify(job.done.data), finished_at: job.at } : {}),
    })
    .onConflict((oc) => oc.column('message_id').doNothing())
    .execute();
}

/** Claims the oldest ready job (queued and due, or running with an expired lease), or none. */
export async function claimNextAiJob(db: Kysely<DB>, now: Date, leaseSeconds: number): Promise<AiJob | undefined> {
  const lease = randomUUID();
  const { rows } = await sql<AiJob>`
    update ai_jobs set status = 'running', lease_id = ${lease}, locked_until = ${new Date(now.getTime() + leaseSeconds * 1000)}, attempts = attempts + 1
    where id = (
      select id from ai_jobs
      where (status = 'queued' and run_after <= ${now}) or (status = 'running' and locked_until < ${now})
      order by run_after, created_at
      for update skip locked
      limit 1
    )
    returning *`.execute(db);
  return rows[0];
}

/** Locks the job row and says whether this worker's lease is still the current one. */
export async function holdsLease(trx: Transaction<DB>, job: AiJob): Promise<boolean> {
  const row = await trx.selectFrom('ai_jobs').select(['status', 'lease_id']).where('id', '=', job.id).forUpdate().executeTakeFirst();
  return row?.status === 'running' && row.lease_id === job.lease_id;
}

export async function finishAiJob(
  trx: Transaction<DB>,
  job: AiJob,
  at: Date,
  outcome: AiOutcome,
  data: Record<string, unknown> = {},
  replyMessageId: string | null = null,
): Promise<void> {
  await trx
    .updateTable('ai_jobs')
    .set({ status: 'done', outcome, outcome_data: JSON.stringify(data), reply_message_id: replyMessageId, finished_at: at, lease_id: null, locked_until: null })
    .where('id', '=', job.id)
    .execute();
}

/** Puts a claimed job back in the queue until `runAfter` (global limits are full). */
export async function deferAiJob(trx: Transaction<DB>, job: AiJob, runAfter: Date): Promise<void> {
  await trx.updateTable('ai_jobs').set({ status: 'queued', run_after: runAfter, lease_id: null, locked_until: null }).where('id', '=', job.id).execute();
}

export async function queueCounts(db: Db): Promise<{ queued: number; running: number }> {
  const rows = await db.selectFrom('ai_jobs').select(['status', sql<string>`count(*)`.as('n')]).where('status', '<>', 'done').groupBy('status').execute();
  const count = (s: string) => Number(rows.find((r) => r.status === s)?.n ?? 0);
  return { queued: count('queued'), running: count('running') };
}
