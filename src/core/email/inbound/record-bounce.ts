import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordEvent } from '../../tickets/ticket.js';
import { classifyBounce } from './bounce-class.js';
import type { BounceInfo } from './classify.js';

/**
 * Records a delivery failure on the ticket whose mail bounced: one history entry with each failed
 * recipient and its RFC 3463 class, and the ticket's counts of transient and permanent bounces.
 */
export async function recordBounce(trx: Transaction<DB>, input: { ticketId: string; bounce: BounceInfo; text: string; at: Date }): Promise<void> {
  const { bounce } = input;
  const failures = classifyBounce(bounce, input.text);
  const transient = failures.filter((f) => f.class === 'transient').length;
  const permanent = failures.length - transient;
  const last = failures.find((f) => f.class === 'permanent') ?? failures[0]!;
  const { rows } = await sql<{ transient: number; permanent: number }>`
    insert into email_bounce_counts (ticket_id, transient, permanent, last_status, last_recipient, last_bounce_at)
    values (${input.ticketId}::uuid, ${transient}::int, ${permanent}::int, ${last.status}::text, ${last.recipient}::text, ${input.at}::timestamptz)
    on conflict (ticket_id) do update set
      transient = email_bounce_counts.transient + excluded.transient,
      permanent = email_bounce_counts.permanent + excluded.permanent,
      last_status = excluded.last_status, last_recipient = excluded.last_recipient,
      last_bounce_at = greatest(email_bounce_counts.last_bounce_at, excluded.last_bounce_at)
    returning transient, permanent`.execute(trx);
  await recordEvent(trx, {
    ticketId: input.ticketId,
    actorId: null,
    type: 'email.bounced',
    data: { reason: bounce.reason, failed: failures, permanent: permanent > 0, counts: rows[0] },
    at: input.at,
  });
}
