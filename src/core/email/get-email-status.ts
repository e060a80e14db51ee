import { sql } from 'kysely';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';

export interface EmailStatus {
  accounts: {
    address: string;
    isActive: boolean;
    inbound: string;
    mailbox: string | null;
    lastPollAt: string | null;
    lastError: string | null;
    lastErrorAt: string | null;
    backlog: number | null;
    uidValidity: string | null;
    lastUid: string | null;
  }[];
  outbox: { queued: number; failed: number; sent: number };
  /** Webhook messages stored but not yet ingested by the background processor. */
  inbox: { waiting: number; oldestAt: string | null; lastError: string | null };
  /** Tickets whose mail bounced most recently, with their bounces counted by RFC 3463 class. */
  bounces: { ticketNumber: number; transient: number; permanent: number; lastStatus: string | null; lastRecipient: string | null; lastBounceAt: string }[];
  /** The newest quarantined messages with the reason each was not processed. */
  quarantined: { messageId: string; mailbox: string; from: string | null; subject: string | null; reason: string | null; sizeBytes: number; receivedAt: string }[];
}

/** `nexus email status`: each account's last poll, last error and backlog; the queue; the webhook inbox; bounces; the quarantine. */
export async function getEmailStatus(deps: Deps, actor: Actor): Promise<EmailStatus> {
  authorize(actor, 'email.manage');
  const accounts = await deps.db
    .selectFrom('email_accounts as a')
    .leftJoin('email_checkpoints as c', 'c.account_id', 'a.id')
    .select(['a.address', 'a.is_active', 'a.inbound', 'c.mailbox', 'c.last_poll_at', 'c.last_error', 'c.last_error_at', 'c.backlog', 'c.uid_validity', 'c.last_uid'])
    .orderBy('a.address')
    .execute();
  const { rows } = await sql<{ status: string; n: string }>`select status, count(*) as n from email_outbox group by status`.execute(deps.db);
  const count = (status: string) => Number(rows.find((r) => r.status === status)?.n ?? 0);
  const inbox = await deps.db
    .selectFrom('email_inbox')
    .select([sql<string>`count(*)`.as('n'), sql<Date | null>`min(received_at)`.as('oldest'), sql<string | null>`max(last_error)`.as('last_error')])
    .where('status', '<>', 'done')
    .executeTakeFirstOrThrow();
  const bounces = await deps.db
    .selectFrom('email_bounce_counts as b')
    .innerJoin('tickets as t', 't.id', 'b.ticket_id')
    .select(['t.number', 'b.transient', 'b.permanent', 'b.last_status', 'b.last_recipient', 'b.last_bounce_at'])
    .orderBy('b.last_bounce_at', 'desc')
    .limit(20)
    .execute();
  const quarantined = await deps.db
    .selectFrom('email_messages')
    .select(['message_id', 'mailbox', 'from_address', 'subject', 'reason', 'size_bytes', 'created_at'])
    .where('decision', '=', 'quarantined')
    .orderBy('created_at', 'desc')
    .limit(20)
    .execute();
  return {
    accounts: accounts.map((a) => ({
      address: a.address,
      isActive: a.is_active,
      inbound: String((a.inbound as Record<string, unknown>).kind),
      mailbox: a.mailbox ?? ((a.inbound as Record<string, unknown>).mailbox as string | undefined) ?? null,
      lastPollAt: a.last_poll_at?.toISOString() ?? null,
      lastError: a.last_error ?? null,
      lastErrorAt: a.last_error_at?.toISOString() ?? null,
      backlog: a.backlog ?? null,
      uidValidity: a.uid_validity || null,
      lastUid: a.last_uid ?? null,
    })),
    outbox: { queued: count('queued') + count('sending'), failed: count('failed'), sent: count('sent') },
    inbox: { waiting: Number(inbox.n), oldestAt: inbox.oldest ? new Date(inbox.oldest).toISOString() : null, lastError: inbox.last_error },
    bounces: bounces.map((b) => ({ ticketNumber: b.number, transient: b.transient, permanent: b.permanent, lastStatus: b.last_status, lastRecipient: b.last_recipient, lastBounceAt: b.last_bounce_at.toISOString() })),
    quarantined: quarantined.map((q) => ({ messageId: q.message_id, mailbox: q.mailbox, from: q.from_address, subject: q.subject, reason: q.reason, sizeBytes: q.size_bytes, receivedAt: q.created_at.toISOString() })),
  };
}
