import { sql, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { newOwnMessageId } from '../message-ids.js';

export type OutboundKind = 'ack' | 'agent_reply' | 'ai_reply' | 'closed' | 'password_reset';

export interface EnqueueMailInput {
  kind: OutboundKind;
  /** Automatic mail (acknowledgements, AI replies) carries Auto-Submitted and counts against the caps. */
  automatic: boolean;
  ticketId: string | null;
  ticketNumber: number | null;
  accountId: string | null;
  /** The mailbox the mail is sent from (its address also names the Message-ID domain). */
  from: string;
  fromName: string | null;
  to: string;
  subject: string;
  text: string;
  html: string;
  inReplyTo: string | null;
  references: string[];
  /** RFC 3834 value on automatic mail: `auto-replied` (the default) or `auto-generated`. */
  autoSubmitted?: 'auto-replied' | 'auto-generated';
}

const header = (id: string): string => `<${id}>`;

/** Display name in a From header, quoted when it holds specials; no line breaks survive. */
export function formatAddress(address: string, name: string | null): string {
  if (!name) return address;
  const clean = name.replace(/[\r\n"\\]/g, ' ').trim();
  return clean ? `"${clean}" <${address}>` : address;
}

/**
 * The sliding-window caps on automatic mail (RFC 3834 §2: do not answer one sender repeatedly):
 * per recipient across the desk and per recipient on one ticket.
 */
export interface AutomaticMailCap {
  since: Date;
  perRecipient: number;
  perTicket: number;
}

export const automaticMailCap = (deps: Deps): AutomaticMailCap => ({
  since: new Date(deps.clock.now().getTime() - deps.config.email.autoReplyWindowMinutes * 60_000),
  perRecipient: deps.config.email.autoReplyPerSender,
  perTicket: deps.config.email.autoReplyPerTicket,
});

/**
 * Queues one mail in the caller's transaction: it is sent by the outbox worker, never inside the request.
 * Our Message-ID (HMAC-signed, see message-ids.ts) is also recorded in email_messages, so the
 * customer's reply threads back to the ticket. One statement writes both rows; with `cap`, it writes
 * nothing (and returns null) when the recipient already had the most automatic mail the caps allow.
 */
export async function enqueueMail(deps: Deps, trx: Transaction<DB>, input: EnqueueMailInput, cap?: AutomaticMailCap): Promise<{ id: string; messageId: string } | null> {
  const now = deps.clock.now();
  const domain = input.from.split('@')[1] ?? 'localhost';
  const messageId = newOwnMessageId(deps.config.secretKey ?? 'nexus-without-secret-key', input.ticketNumber, domain);
  const headers: Record<string, string> = { 'Message-ID': header(messageId) };
  if (input.inReplyTo) headers['In-Reply-To'] = header(input.inReplyTo);
  // Our first id leads, the rest ends with the parent: clients that keep only the first or the last
  // References entry still lead back to us (GitLab's Exchange lesson).
  const refs = [...new Set(input.references)].slice(-20);
  if (refs.length > 0) headers.References = refs.map(header).join(' ');
  if (input.automatic) {
    // RFC 3834 §5: "auto-replied" answers a message; "auto-generated" is any other automatic mail.
    headers['Auto-Submitted'] = input.autoSubmitted ?? 'auto-replied';
    headers['X-Auto-Response-Suppress'] = 'All';
    headers.Precedence = 'auto_reply';
  }
  const to = input.to.toLowerCase();
  const ticketId = input.ticketId;
  const within = cap
    ? sql`where (select count(*) < ${cap.perRecipient}::int and count(*) filter (where ticket_id = ${ticketId}::uuid) < ${cap.perTicket}::int
                 from email_outbox where automatic and to_address = ${to}::text and created_at > ${cap.since}::timestamptz)`
    : sql``;
  const { rows } = await sql<{ id: string }>`
    with queued as (
      insert into email_outbox (account_id, ticket_id, kind, automatic, to_address, from_address, subject, text_body, html_body, message_id, headers, next_attempt_at, created_at)
      select ${input.accountId}::uuid, ${ticketId}::uuid, ${input.kind}::text, ${input.automatic}::boolean, ${to}::text, ${formatAddress(input.from, input.fromName)}::text,
             ${input.subject}::text, ${input.text}::text, ${input.html}::text, ${messageId}::text, ${JSON.stringify(headers)}::jsonb, ${now}::timestamptz, ${now}::timestamptz
      ${within}
      returning id
    ), recorded as (
      insert into email_messages (mailbox, message_id, direction, decision, ticket_id, from_address, subject, auto_reply, created_at)
      select ${input.from.toLowerCase()}::text, ${messageId}::text, 'outbound', 'sent', ${ticketId}::uuid, ${input.from.toLowerCase()}::text, ${input.subject}::text, ${input.automatic}::boolean, ${now}::timestamptz
      from queued
      on conflict do nothing
    )
    select id from queued`.execute(trx);
  return rows[0] ? { id: rows[0].id, messageId } : null;
}
