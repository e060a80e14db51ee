import type { ColumnType, Generated } from 'kysely';
import type { EmailTables } from '../email/db-types.js';

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
export type MessageAudience = 'everyone' | 'staff';
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
  /** Who may read it (issue 8): `staff` for workflow notes customers never see. */
  audience: Generated<MessageAudience>;
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
  /** issue 13: knowledge-base articles the reply cites, `[{articleId, title}]`. */
  citations: ColumnType<unknown[], string | undefined, string>;
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

/** Issue 8: the AI configuration a process running the AI workers published (see get-ai-status.ts). */
export interface AiRuntimesTable {
  id: string;
  command: string;
  hostname: string;
  pid: number;
  settings: ColumnType<unknown, string, string>;
  started_at: Timestamp;
  seen_at: Timestamp;
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
  scope: 'account' | 'address' | 'account_address' | 'reset_account' | 'reset_address';
  subject: string;
  created_at: Generated<Date>;
}

// issue 13: knowledge base
export type KbStatus = 'draft' | 'published';

export interface KbArticlesTable {
  id: Generated<string>;
  slug: string;
  title: string;
  body: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  locale: Generated<string>;
  status: Generated<KbStatus>;
  version: Generated<number>;
  author_id: string | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  published_at: NullableTimestamp;
}

export interface KbArticleVersionsTable {
  article_id: string;
  version: number;
  title: string;
  body: string;
  tags: ColumnType<string[], string[] | undefined, string[]>;
  locale: string;
  author_id: string | null;
  created_at: Generated<Date>;
}

export interface KbChunksTable {
  id: Generated<string>;
  article_id: string;
  ordinal: number;
  heading: string | null;
  body: string;
  /** The article's status and locale, kept by a trigger (migration 20261201135100). */
  status: KbStatus;
  locale: string;
  /** The text-search configuration the document was built with. */
  config: string;
  search_vector: ColumnType<string, unknown, unknown>;
  /** float4 components, big-endian (vector-codec.ts). */
  embedding: Buffer | null;
  embedding_model: string | null;
}

/** A passage vector's sign bits, for the Hamming pre-filter of vector search. */
export interface KbChunkVectorsTable {
  chunk_id: string;
  status: KbStatus;
  locale: string;
  model: string;
  bits: ColumnType<string, unknown, unknown>;
}

export interface MessageCitationsTable {
  message_id: string;
  article_id: string;
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
  ai_runtimes: AiRuntimesTable;
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
  // i10: email channel
  email_accounts: EmailTables['email_accounts'];
  email_messages: EmailTables['email_messages'];
  email_outbox: EmailTables['email_outbox'];
  email_checkpoints: EmailTables['email_checkpoints'];
  email_templates: EmailTables['email_templates'];
  email_webhook_nonces: EmailTables['email_webhook_nonces'];
  email_inbox: EmailTables['email_inbox'];
  email_bounce_counts: EmailTables['email_bounce_counts'];
  // SLA and routing (issue 11)
  sla_calendars: SlaCalendarsTable;
  sla_policies: SlaPoliciesTable;
  ticket_sla: TicketSlaTable;
  sla_watermark: SlaWatermarkTable;
  sla_rule_versions: SlaRuleVersionsTable;
  agent_groups: AgentGroupsTable;
  agent_group_members: AgentGroupMembersTable;
  routing_rules: RoutingRulesTable;
  // issue 13
  kb_articles: KbArticlesTable;
  kb_article_versions: KbArticleVersionsTable;
  kb_chunks: KbChunksTable;
  kb_chunk_vectors: KbChunkVectorsTable;
  message_citations: MessageCitationsTable;
  // issue 14
  ticket_search: TicketSearchTable;
}

// SLA and routing (issue 11): migration 20261130110100_sla_routing.sql
export interface SlaCalendarsTable {
  id: Generated<string>;
  name: string;
  time_zone: string;
  hours: ColumnType<Record<string, { start: string; end: string }[]>, string, string>;
  holidays: ColumnType<string[], string | undefined, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface SlaPoliciesTable {
  id: Generated<string>;
  name: string;
  priority: TicketPriority;
  first_response_seconds: number;
  resolution_seconds: number;
  calendar_id: string | null;
  pause_statuses: ColumnType<TicketStatus[], TicketStatus[] | undefined, TicketStatus[]>;
  ai_counts_as_first_response: Generated<boolean>;
  warn_percent: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface TicketSlaTable {
  ticket_id: string;
  policy_id: string | null;
  state: 'none' | 'running' | 'paused' | 'met' | 'breached';
  is_paused: Generated<boolean>;
  first_response_due_at: Date | null;
  first_response_warn_at: Date | null;
  first_response_met_at: Date | null;
  first_response_seconds: number | null;
  resolution_due_at: Date | null;
  resolution_warn_at: Date | null;
  resolution_met_at: Date | null;
  resolution_seconds: number | null;
  due_at: Date | null;
  notices: ColumnType<string[], string[] | undefined, string[]>;
  computed_at: Date;
  // Copies of the ticket's columns the report groups and filters by, written only by the triggers of
  // migration 20261201110100 (never by the application).
  ticket_priority: ColumnType<TicketPriority | null, never, never>;
  ticket_assignee_id: ColumnType<string | null, never, never>;
  ticket_category_id: ColumnType<string | null, never, never>;
  ticket_created_at: ColumnType<Date | null, never, never>;
  ticket_deleted_at: ColumnType<Date | null, never, never>;
}

/** The SLA rule set after each change (migration 20261201110200): closed tickets are judged by the one in force at closing. */
export interface SlaRuleVersionsTable {
  id: Generated<string>;
  valid_from: Date;
  rules: ColumnType<unknown, string, string>;
}

export interface SlaWatermarkTable {
  id: Generated<boolean>;
  last_event_id: ColumnType<string, string | number | undefined, string | number>;
}

export interface AgentGroupsTable {
  id: Generated<string>;
  name: string;
  last_position: Generated<number>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface AgentGroupMembersTable {
  group_id: string;
  user_id: string;
  position: number;
}

export interface RoutingRulesTable {
  id: Generated<string>;
  name: string;
  position: number;
  is_enabled: Generated<boolean>;
  conditions: ColumnType<Record<string, unknown>, string, string>;
  actions: ColumnType<Record<string, unknown>, string, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}
