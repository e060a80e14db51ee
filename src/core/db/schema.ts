import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the tables in supabase/migrations, as the `pg` driver returns them:
 * timestamptz → Date, int8/bigint → string, jsonb → parsed JSON, numeric → string.
 * Row types never leave core; use cases map them to camelCase values.
 */
export type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
export type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export type Role = 'customer' | 'agent' | 'admin';
export type TicketStatus = 'open' | 'pending' | 'escalated' | 'assigned' | 'closed';
export type TicketPriority = 'low' | 'medium' | 'high' | 'urgent';
export type TicketSource = 'web' | 'email' | 'api' | 'cli';
export type MessageKind = 'customer' | 'agent' | 'ai' | 'system' | 'internal';
export type SessionKind = 'cli' | 'refresh';

export interface UsersTable {
  id: Generated<string>;
  email: string;
  name: Generated<string>;
  role: Generated<Role>;
  is_disabled: Generated<boolean>;
  password_hash: string | null;
  token_version: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SessionsTable {
  id: Generated<string>;
  user_id: string;
  kind: SessionKind;
  token_hash: string;
  family_id: string;
  client: string | null;
  created_at: Generated<Date>;
  last_used_at: Generated<Date>;
  expires_at: Timestamp;
  revoked_at: NullableTimestamp;
  replaced_by: string | null;
}

export interface PasswordResetsTable {
  id: Generated<string>;
  user_id: string;
  token_hash: string;
  created_at: Generated<Date>;
  expires_at: Timestamp;
  used_at: NullableTimestamp;
}

export interface TicketsTable {
  id: Generated<string>;
  number: Generated<number>;
  subject: string;
  context: string | null;
  status: Generated<TicketStatus>;
  priority: Generated<TicketPriority>;
  source: Generated<TicketSource>;
  customer_id: string;
  assignee_id: string | null;
  ai_enabled: Generated<boolean>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  first_response_at: NullableTimestamp;
  last_response_at: NullableTimestamp;
  resolved_at: NullableTimestamp;
  deleted_at: NullableTimestamp;
  deleted_by: string | null;
  category_id: ColumnType<string | null, string | null | undefined, string | null>;
}

export interface MessagesTable {
  id: Generated<string>;
  ticket_id: string;
  kind: MessageKind;
  author_id: string | null;
  body: string;
  created_at: Generated<Date>;
}

export interface TicketEventsTable {
  id: Generated<string>;
  ticket_id: string;
  actor_id: string | null;
  type: string;
  data: ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, never>;
  created_at: Generated<Date>;
}

export type TimeEntryType = 'work' | 'waiting' | 'research' | 'communication' | 'other';

export interface TagsTable {
  id: Generated<string>;
  name: string;
  color: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TicketTagsTable {
  ticket_id: string;
  tag_id: string;
  added_by: string | null;
  created_at: Generated<Date>;
}

export interface CategoriesTable {
  id: Generated<string>;
  name: string;
  description: Generated<string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TimeEntriesTable {
  id: Generated<string>;
  ticket_id: string;
  user_id: string | null;
  minutes: number;
  type: TimeEntryType;
  billable: Generated<boolean>;
  description: Generated<string>;
  created_at: Generated<Date>;
}

export interface MessageRatingsTable {
  id: Generated<string>;
  message_id: string;
  ticket_id: string;
  user_id: string;
  rating: number;
  comment: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AttachmentsTable {
  id: Generated<string>;
  ticket_id: string;
  message_id: string | null;
  uploader_id: string | null;
  filename: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_key: string;
  created_at: Generated<Date>;
}

export interface SchemaMigrationsTable {
  version: string;
  name: string | null;
  statements: string[] | null;
}

export type AiOutcome = 'replied' | 'rate_limited' | 'human_assigned' | 'disabled' | 'handed_off';
export type AiTraceOutcome = 'pending' | 'replied' | 'handed_off' | 'failed' | 'blocked' | 'rate_limited';

export interface AiJobsTable {
  id: Generated<string>;
  message_id: string;
  ticket_id: string;
  status: Generated<'queued' | 'running' | 'done'>;
  attempts: Generated<number>;
  run_after: Timestamp;
  lease_id: string | null;
  locked_until: NullableTimestamp;
  outcome: AiOutcome | null;
  outcome_data: ColumnType<Record<string, unknown>, string | undefined, string>;
  reply_message_id: string | null;
  created_at: Generated<Date>;
  finished_at: NullableTimestamp;
}

export interface AiTracesTable {
  id: Generated<string>;
  ticket_id: string;
  message_id: string;
  reply_message_id: string | null;
  model: string;
  prompt_version: string;
  prompt_hash: string;
  tokens_in: Generated<number>;
  tokens_out: Generated<number>;
  latency_ms: Generated<number>;
  /** numeric: a string from the driver. */
  cost_usd: ColumnType<string, number | string | undefined, number | string>;
  confidence: number | null;
  redactions: ColumnType<unknown[], string | undefined, string>;
  outcome: AiTraceOutcome;
  reason: string | null;
  error: string | null;
  attempts: Generated<number>;
  created_at: Generated<Date>;
  finished_at: NullableTimestamp;
}

export interface AiBreakerTable {
  id: string;
  state: Generated<'closed' | 'open' | 'half_open'>;
  consecutive_failures: Generated<number>;
  opened_at: NullableTimestamp;
  probe_started_at: NullableTimestamp;
  last_error: string | null;
  updated_at: Timestamp;
}

export interface AiUsageTable {
  minute: Timestamp;
  requests: Generated<number>;
  tokens: Generated<number>;
}

export interface IdempotencyKeysTable {
  user_id: string;
  key: string;
  method: string;
  path: string;
  request_hash: string;
  status_code: number | null;
  response: string | null;
  created_at: Generated<Date>;
  expires_at: Timestamp;
}

export interface LoginAttemptsTable {
  id: Generated<string>;
  scope: 'account' | 'address';
  subject: string;
  created_at: Generated<Date>;
}

// Search documents and desk counters (issue 14), kept by triggers; the stats tables are read with raw SQL.
export interface TicketSearchTable {
  ticket_id: string;
  created_at: Date;
  number: number;
  document: string;
}

export interface DB {
  users: UsersTable;
  ai_jobs: AiJobsTable;
  ai_traces: AiTracesTable;
  ai_breaker: AiBreakerTable;
  ai_usage: AiUsageTable;
  sessions: SessionsTable;
  password_resets: PasswordResetsTable;
  tickets: TicketsTable;
  messages: MessagesTable;
  ticket_events: TicketEventsTable;
  tags: TagsTable;
  ticket_tags: TicketTagsTable;
  categories: CategoriesTable;
  time_entries: TimeEntriesTable;
  message_ratings: MessageRatingsTable;
  attachments: AttachmentsTable;
  idempotency_keys: IdempotencyKeysTable;
  login_attempts: LoginAttemptsTable;
  'supabase_migrations.schema_migrations': SchemaMigrationsTable;
  // issue 14
  ticket_search: TicketSearchTable;
}
