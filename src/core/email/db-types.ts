import type { ColumnType, Generated } from 'kysely';
import type { NullableTimestamp, Timestamp } from '../db/schema.js';

type Json<T> = ColumnType<T, string | T | undefined, string | T>;

export type EmailDecisionRow = 'new_ticket' | 'same_ticket' | 'ignored_autoreply' | 'ignored_bounce' | 'quarantined' | 'sent';

export interface EmailAccountsTable {
  id: Generated<string>;
  address: string;
  display_name: string | null;
  aliases: ColumnType<string[], string[] | undefined, string[]>;
  is_default: Generated<boolean>;
  is_active: Generated<boolean>;
  inbound: Json<Record<string, unknown>>;
  outbound: Json<Record<string, unknown>>;
  secrets_enc: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EmailMessagesTable {
  id: Generated<string>;
  mailbox: string;
  message_id: string;
  direction: 'inbound' | 'outbound';
  decision: EmailDecisionRow;
  reason: string | null;
  ticket_id: string | null;
  message_ref: string | null;
  from_address: string | null;
  reply_to: string | null;
  cc_addresses: ColumnType<string[], string[] | undefined, string[]>;
  subject: string | null;
  size_bytes: Generated<number>;
  raw_key: string | null;
  raw: Uint8Array | null;
  auto_reply: Generated<boolean>;
  /** i10: why nothing automatic may be sent back for this inbound message (RFC 3834 §2); null when it may. */
  no_auto_reply: string | null;
  sent_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface EmailOutboxTable {
  id: Generated<string>;
  account_id: string | null;
  ticket_id: string | null;
  kind: string;
  automatic: Generated<boolean>;
  to_address: string;
  from_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  message_id: string;
  headers: Json<Record<string, string>>;
  status: Generated<'queued' | 'sending' | 'sent' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  locked_until: NullableTimestamp;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: Timestamp;
  sent_at: NullableTimestamp;
}

export interface EmailCheckpointsTable {
  account_id: string;
  mailbox: string;
  uid_validity: string;
  last_uid: ColumnType<string, string | number | bigint, string | number | bigint>;
  last_poll_at: NullableTimestamp;
  last_error: string | null;
  last_error_at: NullableTimestamp;
  backlog: Generated<number>;
  updated_at: Timestamp;
}

export interface EmailTemplatesTable {
  key: string;
  subject: string;
  body: string;
  enabled: Generated<boolean>;
  updated_at: Timestamp;
}

export interface EmailWebhookNoncesTable {
  provider: string;
  nonce: string;
  created_at: Timestamp;
}

/** i10: a provider's message stored by the webhook, waiting for (or done by) the background processor. */
export interface EmailInboxTable {
  id: Generated<string>;
  provider: string;
  mailbox: string;
  raw: Uint8Array | null;
  size_bytes: Generated<number>;
  status: Generated<'queued' | 'processing' | 'done'>;
  attempts: Generated<number>;
  lease_id: string | null;
  locked_until: NullableTimestamp;
  message_id: string | null;
  last_error: string | null;
  received_at: Timestamp;
  processed_at: NullableTimestamp;
}

/** i10: a ticket's bounced mail, counted by RFC 3463 class. */
export interface EmailBounceCountsTable {
  ticket_id: string;
  transient: Generated<number>;
  permanent: Generated<number>;
  last_status: string | null;
  last_recipient: string | null;
  last_bounce_at: Timestamp;
}

/** The email channel's tables, listed in DB (src/core/db/schema.ts). */
export interface EmailTables {
  email_accounts: EmailAccountsTable;
  email_messages: EmailMessagesTable;
  email_outbox: EmailOutboxTable;
  email_checkpoints: EmailCheckpointsTable;
  email_templates: EmailTemplatesTable;
  email_webhook_nonces: EmailWebhookNoncesTable;
  email_inbox: EmailInboxTable;
  email_bounce_counts: EmailBounceCountsTable;
}
