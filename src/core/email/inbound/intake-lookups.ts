import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { ThreadCandidate } from './thread-lookup.js';

/** Where an IMAP folder's sync stands: written in the same transaction as the message it covers. */
export interface ImapCheckpoint {
  accountId: string;
  mailbox: string;
  uidValidity: string;
  uid: number;
}

/**
 * How far the source got, written in the same transaction as the message it covers, so a crash never
 * loses or repeats one: the IMAP folder's checkpoint, or the webhook inbox row that held the message.
 */
export interface IntakeProgress {
  checkpoint?: ImapCheckpoint;
  /** email_inbox row: marked done (its raw copy dropped: the message row keeps the mail). */
  inboxId?: string;
}

/** A user as mail intake needs it: the sender of a message. */
export interface SenderRow {
  id: string;
  email: string;
  name: string;
  role: 'customer' | 'agent' | 'admin';
  is_disabled: boolean;
}

export interface IntakeLookups {
  /** The (mailbox, Message-ID) was ingested before: nothing new is stored. */
  duplicate: boolean;
  /** The sender's account, found, or created as a password-less customer when `createSender` asked. */
  sender: SenderRow | null;
  /** Stored mails of live tickets that the message's In-Reply-To/References name. */
  threadCandidates: ThreadCandidate[];
}

/** The checkpoint upsert: a re-delivered lower UID never moves it back; a new UIDVALIDITY starts over. */
const checkpointUpsert = (checkpoint: ImapCheckpoint, at: Date) => sql`
  insert into email_checkpoints (account_id, mailbox, uid_validity, last_uid, updated_at)
  values (${checkpoint.accountId}::uuid, ${checkpoint.mailbox}::text, ${checkpoint.uidValidity}::text, ${checkpoint.uid}::bigint, ${at}::timestamptz)
  on conflict (account_id, mailbox) do update set
    last_uid = case when email_checkpoints.uid_validity = excluded.uid_validity
                    then greatest(email_checkpoints.last_uid, excluded.last_uid) else excluded.last_uid end,
    uid_validity = excluded.uid_validity,
    updated_at = excluded.updated_at`;

const inboxDone = (id: string, messageId: string, at: Date) => sql`
  update email_inbox set status = 'done', raw = null, message_id = ${messageId}::text, processed_at = ${at}::timestamptz, lease_id = null, locked_until = null
  where id = ${id}::uuid`;

/** The progress marks as CTEs of intake's first statement. */
function progressCtes(progress: IntakeProgress, messageId: string, at: Date) {
  const parts = [];
  if (progress.checkpoint) parts.push(sql`, checkpoint as (${checkpointUpsert(progress.checkpoint, at)})`);
  if (progress.inboxId) parts.push(sql`, inbox as (${inboxDone(progress.inboxId, messageId, at)})`);
  return sql.join(parts, sql``);
}

/** The progress marks on their own (the quarantine and the lost-race paths). */
export async function saveProgress(trx: Transaction<DB>, progress: IntakeProgress, messageId: string, at: Date): Promise<void> {
  if (progress.checkpoint) await checkpointUpsert(progress.checkpoint, at).execute(trx);
  if (progress.inboxId) await inboxDone(progress.inboxId, messageId, at).execute(trx);
}

/**
 * Everything intake must know before it decides, read (and the little it must write) in ONE statement,
 * because on a busy desk each round trip costs more than the work it carries:
 * - whether the (mailbox, Message-ID) was already ingested (dedupe);
 * - the sender's account — created as a customer without a password when the message is a person's
 *   mail (`createSender`) and it is not a duplicate;
 * - the stored mails of live tickets that In-Reply-To/References name (threading);
 * - and the source's progress (IMAP checkpoint, webhook inbox row), in this same transaction as the message.
 * The message's own row is written last (insertIntakeRow), with its decision: the unique
 * (mailbox, message_id) index still refuses a concurrent twin, whose transaction then rolls back.
 */
export async function readIntakeLookups(
  trx: Transaction<DB>,
  input: { mailbox: string; messageId: string; sender: { address: string; name: string | null } | null; createSender: boolean; threadIds: string[]; at: Date; progress: IntakeProgress; processedAt: Date },
): Promise<IntakeLookups> {
  const address = input.sender?.address ?? null;
  const name = input.sender?.name?.slice(0, 200) ?? '';
  const progress = progressCtes(input.progress, input.messageId, input.processedAt);
  const { rows } = await sql<{ duplicate: boolean; id: string | null; email: string | null; name: string | null; role: SenderRow['role'] | null; is_disabled: boolean | null; thread: ThreadCandidate[] }>`
    with dup as (
      select 1 from email_messages where mailbox = ${input.mailbox}::text and message_id = ${input.messageId}::text
    ), found as (
      select id, email, name, role, is_disabled from users where email = ${address}::text
    ), created as (
      insert into users (email, name, role, password_hash, created_at, updated_at)
      select ${address}::text, ${name}::text, 'customer', null, ${input.at}::timestamptz, ${input.at}::timestamptz
      where ${input.createSender && address !== null}::boolean and not exists (select 1 from dup) and not exists (select 1 from found)
      on conflict do nothing
      returning id, email, name, role, is_disabled
    )${progress}
    select exists (select 1 from dup) as duplicate, u.id, u.email, u.name, u.role, u.is_disabled,
      (select coalesce(json_agg(json_build_object('messageId', em.message_id, 'ticketId', t.id, 'ticketNumber', t.number, 'customerId', t.customer_id)), '[]'::json)
         from email_messages em join tickets t on t.id = em.ticket_id
         where em.mailbox = ${input.mailbox}::text and em.message_id = any(${input.threadIds}::text[]) and t.deleted_at is null) as thread
    from (select 1) as one
    left join (select * from found union all select * from created limit 1) as u on true`.execute(trx);
  const row = rows[0]!;
  const sender = row.id ? { id: row.id, email: row.email!, name: row.name ?? '', role: row.role!, is_disabled: Boolean(row.is_disabled) } : null;
  return { duplicate: row.duplicate, sender, threadCandidates: typeof row.thread === 'string' ? (JSON.parse(row.thread) as ThreadCandidate[]) : row.thread };
}
