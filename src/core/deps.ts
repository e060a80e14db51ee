import type { Kysely, Transaction } from 'kysely';
import type { AiPorts } from './ai/ports.js';
import type { Clock } from './clock.js';
import type { NexusConfig } from './config/schema.js';
import type { DB } from './db/schema.js';
import type { MailTransport } from './email/mail-transport.js';
import type { BlobStore } from './storage/blob-store.js';

/** A customer message was stored (any channel). Runs inside the same transaction as the insert. */
export interface CustomerMessageEvent {
  ticketId: string;
  ticketNumber: number;
  messageId: string;
  authorId: string;
  /** True for mail from auto-responders and machines: never triggers an automatic reply. */
  isAutomated: boolean;
}

/**
 * Reactions other capabilities attach to ticket changes without the ticket use cases knowing them
 * (the AI pipeline enqueues its job here, in the caller's transaction).
 */
export interface TicketHooks {
  customerMessageAdded?(trx: Transaction<DB>, event: CustomerMessageEvent): Promise<void>;
  /** i10: an agent or AI reply was stored (email queues the mail to the customer here, same transaction). */
  staffMessageAdded?(trx: Transaction<DB>, event: StaffMessageEvent): Promise<void>;
  /** i10: a ticket was closed (email queues the ticket-closed notice here, same transaction). */
  ticketClosed?(trx: Transaction<DB>, event: TicketClosedEvent): Promise<void>;
}

/** i10: a ticket was closed by someone (staff, or its customer). Runs inside the same transaction. */
export interface TicketClosedEvent {
  ticketId: string;
  ticketNumber: number;
  actorId: string;
  /** True when staff closed it; false when the customer closed their own ticket. */
  byStaff: boolean;
}

/** i10: an agent's or the AI's reply to the customer was stored. Runs inside the same transaction. */
export interface StaffMessageEvent {
  ticketId: string;
  ticketNumber: number;
  messageId: string;
  kind: 'agent' | 'ai';
  /** The agent (null for the AI). */
  authorId: string | null;
  body: string;
}

/**
 * What every use case receives: the database and the ports, built once at the edge by createServices().
 * Capabilities add their ports here (blob store, mail transport, LLM client).
 */
export interface Deps {
  db: Kysely<DB>;
  clock: Clock;
  config: NexusConfig;
  hooks?: TicketHooks;
  /** The AI reply pipeline's ports: model client, sleep, randomness (see src/core/ai/ports.ts). */
  ai?: AiPorts;
  /** Outgoing mail (password resets, notifications); the embedded default writes to an outbox folder. */
  mailer?: MailTransport;
  /** Attachment bytes: a local folder by default, or Supabase Storage (see src/core/storage). */
  blobs?: BlobStore;
}
