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
}

const header = (id: string): string => `<${id}>`;

/** Display name in a From header, quoted when it holds specials; no line breaks survive. */
export function formatAddress(address: string, name: string | null): string {
  if (!name) return address;
  const clean = name.replace(/[\r\n"\\]/g, ' ').trim();
  return clean ? `"${clean}" <${address}>` : address;
}

/**
 * Queues one mail in the caller's transaction: it is sent by the outbox worker, never inside the request.
 * Our Message-ID (HMAC-signed, see message-ids.ts) is also recorded in email_messages, so the
 * customer's reply threads back to the ticket.
 */
export async function enqueueMail(deps: Deps, trx: Transaction<DB>, input: EnqueueMailInput): Promise<{ id: string; messageId: string }> {
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
    headers['Auto-Submitted'] = 'auto-replied';
    headers['X-Auto-Response-Suppress'] = 'All';
    headers.Precedence = 'auto_reply';
  }
  const row = await trx
    .insertInto('email_outbox')
    .values({
      account_id: input.accountId,
      ticket_id: input.ticketId,
      kind: input.kind,
      automatic: input.automatic,
      to_address: input.to.toLowerCase(),
      from_address: formatAddress(input.from, input.fromName),
      subject: input.subject,
      text_body: input.text,
      html_body: input.html,
      message_id: messageId,
      headers: JSON.stringify(headers),
      next_attempt_at: now,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('email_messages')
    .values({ mailbox: input.from.toLowerCase(), message_id: messageId, direction: 'outbound', decision: 'sent', ticket_id: input.ticketId, from_address: input.from.toLowerCase(), subject: input.subject, auto_reply: input.automatic, created_at: now })
    .onConflict((oc) => oc.doNothing())
    .execute();
  return { id: row.id, messageId };
}

/**
 * The sliding-window caps on automatic mail (RFC 3834 §2: do not answer one sender repeatedly):
 * per recipient across the desk and per recipient on one ticket. False when one is reached.
 */
export async function automaticMailAllowed(deps: Deps, trx: Transaction<DB>, to: string, ticketId: string | null): Promise<boolean> {
  const since = new Date(deps.clock.now().getTime() - deps.config.email.autoReplyWindowMinutes * 60_000);
  const { rows } = await sql<{ sender: string; ticket: string }>`
    select count(*) as sender, count(*) filter (where ticket_id = ${ticketId}::uuid) as ticket
    from email_outbox where automatic and to_address = ${to.toLowerCase()} and created_at > ${since}`.execute(trx);
  const counts = rows[0]!;
  return Number(counts.sender) < deps.config.email.autoReplyPerSender && Number(counts.ticket) < deps.config.email.autoReplyPerTicket;
}
