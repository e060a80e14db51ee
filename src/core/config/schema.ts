import { z } from 'zod';

/**
 * Every setting of Nexus, in one place. `key` is the dotted name used by `nexus config set`, `env` the
 * NEXUS_* (or provider) variable, `secret` masks it in `nexus config show`.
 */
export interface SettingSpec {
  key: string;
  env: string;
  secret?: boolean;
  description: string;
}

export const SETTINGS = [
  { key: 'dataDir', env: 'NEXUS_DATA_DIR', description: 'Folder of the embedded database, attachments and outbox' },
  { key: 'databaseUrl', env: 'NEXUS_DATABASE_URL', secret: true, description: 'postgres:// URL of a Postgres server or Supabase project; overrides the embedded database' },
  { key: 'secretKey', env: 'NEXUS_SECRET_KEY', secret: true, description: 'Key for tokens and stored credentials (at least 32 characters); `nexus init` generates one' },
  { key: 'host', env: 'NEXUS_HOST', description: 'Address `nexus serve` listens on' },
  { key: 'port', env: 'NEXUS_PORT', description: 'Port `nexus serve` listens on' },
  { key: 'corsOrigins', env: 'NEXUS_CORS_ORIGINS', description: 'Comma-separated origins allowed by CORS (none by default)' },
  { key: 'logLevel', env: 'NEXUS_LOG_LEVEL', description: 'fatal, error, warn, info, debug or trace' },
  { key: 'companyEmails', env: 'NEXUS_COMPANY_EMAILS', description: 'Comma-separated published company addresses the AI may mention' },
  // The company profile (issue 8): the AI prompt, the redactor, the output guard and outgoing mail use it.
  { key: 'companyName', env: 'NEXUS_COMPANY_NAME', description: 'The company the desk answers for, by name (AI prompt, outgoing mail)' },
  { key: 'companyPhones', env: 'NEXUS_COMPANY_PHONES', description: 'Comma-separated published company phone numbers the AI may mention (kept in any formatting)' },
  { key: 'companyUrls', env: 'NEXUS_COMPANY_URLS', description: 'Comma-separated published company web addresses the AI may link to' },
  { key: 'bcryptCost', env: 'NEXUS_BCRYPT_COST', description: 'bcrypt cost factor for new password hashes' },
  { key: 'embeddedOwner', env: 'NEXUS_EMBEDDED_OWNER', description: 'How commands open the embedded database: `background` (a shared owner process that stays up while commands come, so each command skips the database start-up) or `process` (each command opens it itself)' },
  { key: 'ownerIdleSeconds', env: 'NEXUS_OWNER_IDLE_SECONDS', description: 'How long the background owner of the embedded database stays up with no command connected' },
  { key: 'lockWaitSeconds', env: 'NEXUS_LOCK_WAIT_SECONDS', description: 'How long a command waits for another one that holds the embedded data folder' },
  { key: 'ai.apiKey', env: 'OPENAI_API_KEY', secret: true, description: 'OpenAI (or compatible) API key; without it the AI is off' },
  { key: 'ai.model', env: 'NEXUS_AI_MODEL', description: 'Model for AI replies' },
  { key: 'ai.baseUrl', env: 'NEXUS_AI_BASE_URL', description: 'Base URL of an OpenAI-compatible endpoint' },
  { key: 'ai.enabled', env: 'NEXUS_AI_ENABLED', description: 'Turn AI replies off globally (true/false)' },
  { key: 'ai.replyWindowSeconds', env: 'NEXUS_AI_REPLY_WINDOW_SECONDS', description: 'Per-ticket AI reply window in seconds' },
  { key: 'ai.replyMaxPerWindow', env: 'NEXUS_AI_REPLY_MAX_PER_WINDOW', description: 'AI replies allowed per ticket per window' },
  { key: 'ai.maxRetries', env: 'NEXUS_AI_MAX_RETRIES', description: 'Retries of a failed model call' },
  { key: 'ai.initialDelay', env: 'NEXUS_AI_INITIAL_DELAY', description: 'First retry delay in seconds' },
  { key: 'ai.backoffMultiplier', env: 'NEXUS_AI_BACKOFF_MULTIPLIER', description: 'Retry delay multiplier' },
  { key: 'ai.timeoutSeconds', env: 'NEXUS_AI_TIMEOUT_SECONDS', description: 'Timeout of one model call in seconds' },
  { key: 'ai.waitSeconds', env: 'NEXUS_AI_WAIT_SECONDS', description: 'How long create/reply requests wait for the AI answer before answering `queued`' },
  { key: 'ai.dailyBudgetUsd', env: 'NEXUS_AI_DAILY_BUDGET_USD', description: 'Daily spend cap for the model in USD' },
  { key: 'ai.minConfidence', env: 'NEXUS_AI_MIN_CONFIDENCE', description: 'Model confidence (0–1) below which the ticket goes to a human instead of an AI reply' },
  { key: 'ai.requestsPerMinute', env: 'NEXUS_AI_REQUESTS_PER_MINUTE', description: 'Model requests per minute across all processes' },
  { key: 'ai.tokensPerMinute', env: 'NEXUS_AI_TOKENS_PER_MINUTE', description: 'Model tokens per minute across all processes' },
  { key: 'ai.breakerThreshold', env: 'NEXUS_AI_BREAKER_THRESHOLD', description: 'Consecutive failed AI jobs that open the circuit breaker' },
  { key: 'ai.breakerCooldownSeconds', env: 'NEXUS_AI_BREAKER_COOLDOWN_SECONDS', description: 'Seconds the open breaker waits before a half-open probe' },
  { key: 'storage.supabaseUrl', env: 'SUPABASE_URL', description: 'Supabase project URL; with the service key, attachments go to Supabase Storage' },
  { key: 'storage.supabaseServiceRoleKey', env: 'SUPABASE_SERVICE_ROLE_KEY', secret: true, description: 'Supabase service-role key (server side only)' },
  { key: 'storage.bucket', env: 'NEXUS_STORAGE_BUCKET', description: 'Storage bucket for attachments' },
  // issue 9: hardening
  { key: 'trustProxy', env: 'NEXUS_TRUST_PROXY', description: 'Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For is believed (none by default: the client address is the connection\'s)' },
  { key: 'idempotencyLeaseSeconds', env: 'NEXUS_IDEMPOTENCY_LEASE_SECONDS', description: 'How long an unanswered Idempotency-Key claim holds; after it (the request\'s process died) a retry runs again' },
  // i10: email channel
  { key: 'publicUrl', env: 'NEXUS_PUBLIC_URL', description: 'Public base URL of the desk (links in mail, e.g. the password-reset page)' },
  { key: 'email.maxMessageBytes', env: 'NEXUS_EMAIL_MAX_MESSAGE_BYTES', description: 'Largest inbound message stored whole; bigger ones are quarantined with their headers' },
  { key: 'email.autoReplyPerSender', env: 'NEXUS_EMAIL_AUTO_REPLY_PER_SENDER', description: 'Automatic mails (acknowledgements, AI replies) one address may get per window' },
  { key: 'email.autoReplyPerTicket', env: 'NEXUS_EMAIL_AUTO_REPLY_PER_TICKET', description: 'Automatic mails one address may get per ticket per window' },
  { key: 'email.autoReplyWindowMinutes', env: 'NEXUS_EMAIL_AUTO_REPLY_WINDOW_MINUTES', description: 'Sliding window of the automatic-mail caps, in minutes' },
  { key: 'email.pollSeconds', env: 'NEXUS_EMAIL_POLL_SECONDS', description: 'IMAP poll interval when the server offers no IDLE' },
  { key: 'email.sendRetries', env: 'NEXUS_EMAIL_SEND_RETRIES', description: 'Attempts to deliver one outbound mail before it is marked failed' },
  { key: 'email.webhookSecret', env: 'NEXUS_EMAIL_WEBHOOK_SECRET', secret: true, description: 'Shared secret of the raw and Postmark inbound webhooks' },
  { key: 'email.mailgunSigningKey', env: 'MAILGUN_WEBHOOK_SIGNING_KEY', secret: true, description: 'Mailgun webhook signing key' },
  { key: 'email.sendgridPublicKey', env: 'SENDGRID_WEBHOOK_PUBLIC_KEY', description: 'SendGrid signed-webhook verification key (base64 DER ECDSA public key)' },
  { key: 'email.webhookMaxAgeSeconds', env: 'NEXUS_EMAIL_WEBHOOK_MAX_AGE_SECONDS', description: 'Signed webhook requests older than this are refused as replays' },
  // issue 13: knowledge base
  { key: 'kb.embeddingModel', env: 'NEXUS_KB_EMBEDDING_MODEL', description: 'Embedding model for knowledge-base search (used when a model API key is set); `none` keeps search to full text' },
  { key: 'kb.embeddingDimensions', env: 'NEXUS_KB_EMBEDDING_DIMENSIONS', description: 'Length of the embedding vectors asked of the model' },
  { key: 'kb.embeddingBaseUrl', env: 'NEXUS_KB_EMBEDDING_BASE_URL', description: 'Base URL of an OpenAI-compatible embeddings endpoint (default: ai.baseUrl)' },
  { key: 'kb.minScore', env: 'NEXUS_KB_MIN_SCORE', description: 'Match score (0–1) a knowledge-base passage needs to ground an AI reply; below it the ticket goes to a human' },
  { key: 'kb.contextTokens', env: 'NEXUS_KB_CONTEXT_TOKENS', description: 'Token budget of the knowledge-base passages given to the AI' },
  // Search (issue 14)
  { key: 'search.language', env: 'NEXUS_SEARCH_LANGUAGE', description: 'Language of ticket search: stemming ("refunds" finds "refund") and stop words; `simple` for none. Changing it rebuilds the search documents on the next search. Knowledge-base articles use their own locale\'s language, this one for a locale without a stemmer' },
] as const satisfies readonly SettingSpec[];

/** Text-search configurations for `search.language` (issue 14): those on both PGlite and Postgres 15+. */
export const SEARCH_LANGUAGES = [
  'simple', 'arabic', 'danish', 'dutch', 'english', 'finnish', 'french', 'german', 'greek', 'hungarian', 'indonesian', 'irish',
  'italian', 'lithuanian', 'nepali', 'norwegian', 'portuguese', 'romanian', 'russian', 'spanish', 'swedish', 'tamil', 'turkish',
] as const;
export type SearchLanguage = (typeof SEARCH_LANGUAGES)[number];

export type SettingKey = (typeof SETTINGS)[number]['key'];

const csv = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(',')).map((s) => s.trim()).filter(Boolean));

const bool = z.union([z.boolean(), z.enum(['true', 'false', '1', '0', 'yes', 'no', 'on', 'off'])]).transform((v) =>
  typeof v === 'boolean' ? v : ['true', '1', 'yes', 'on'].includes(v),
);

const postgresUrl = z
  .string()
  .refine((value) => /^postgres(ql)?:\/\/./.test(value), 'must be a postgres:// or postgresql:// URL');

export const configSchema = z.object({
  dataDir: z.string().min(1),
  databaseUrl: postgresUrl.optional(),
  secretKey: z.string().min(32, 'must be at least 32 characters').optional(),
  host: z.string().min(1).default('127.0.0.1'),
  port: z.coerce.number().int().min(0).max(65535).default(8080),
  corsOrigins: csv.default([]),
  logLevel: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  companyEmails: csv.default(['support@example.com']),
  companyName: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters').optional(),
  companyPhones: csv.default([]),
  companyUrls: csv.default([]),
  bcryptCost: z.coerce.number().int().min(4).max(15).default(12),
  embeddedOwner: z.enum(['background', 'process']).default('background'),
  ownerIdleSeconds: z.coerce.number().min(1).max(86_400).default(300),
  lockWaitSeconds: z.coerce.number().min(0).max(600).default(5),
  ai: z
    .object({
      apiKey: z.string().min(1).optional(),
      model: z.string().min(1).default('gpt-4o-mini'),
      baseUrl: z.url().optional(),
      enabled: bool.default(true),
      replyWindowSeconds: z.coerce.number().int().positive().default(60),
      replyMaxPerWindow: z.coerce.number().int().positive().default(2),
      maxRetries: z.coerce.number().int().min(0).max(10).default(3),
      initialDelay: z.coerce.number().min(0).default(0.5),
      backoffMultiplier: z.coerce.number().min(1).default(2),
      timeoutSeconds: z.coerce.number().positive().default(30),
      waitSeconds: z.coerce.number().min(0).default(15),
      dailyBudgetUsd: z.coerce.number().min(0).default(20),
      minConfidence: z.coerce.number().min(0).max(1).default(0.6),
      requestsPerMinute: z.coerce.number().int().positive().default(60),
      tokensPerMinute: z.coerce.number().int().positive().default(200000),
      breakerThreshold: z.coerce.number().int().positive().default(5),
      breakerCooldownSeconds: z.coerce.number().positive().default(30),
    })
    .prefault({}),
  // i10: email channel
  publicUrl: z.url().optional(),
  email: z
    .object({
      maxMessageBytes: z.coerce.number().int().min(1024).default(25 * 1024 * 1024),
      autoReplyPerSender: z.coerce.number().int().min(0).default(5),
      autoReplyPerTicket: z.coerce.number().int().min(0).default(1),
      autoReplyWindowMinutes: z.coerce.number().positive().default(60),
      pollSeconds: z.coerce.number().positive().default(60),
      sendRetries: z.coerce.number().int().min(1).max(50).default(8),
      webhookSecret: z.string().min(16).optional(),
      mailgunSigningKey: z.string().min(1).optional(),
      sendgridPublicKey: z.string().min(1).optional(),
      webhookMaxAgeSeconds: z.coerce.number().int().positive().default(300),
    })
    .prefault({}),
  // issue 13: knowledge base
  kb: z
    .object({
      embeddingModel: z.string().min(1).default('text-embedding-3-small'),
      embeddingDimensions: z.coerce.number().int().min(8).max(3072).default(256),
      embeddingBaseUrl: z.url().optional(),
      minScore: z.coerce.number().min(0).max(1).default(0.4),
      contextTokens: z.coerce.number().int().min(100).max(8000).default(1200),
    })
    .prefault({}),
  storage: z
    .object({
      supabaseUrl: z.url().optional(),
      supabaseServiceRoleKey: z.string().min(1).optional(),
      bucket: z.string().min(1).default('attachments'),
    })
    .prefault({}),
  // issue 9: hardening
  trustProxy: csv.default([]),
  idempotencyLeaseSeconds: z.coerce.number().int().min(1).max(86_400).default(60),
  // Search (issue 14)
  search: z
    .object({
      language: z.enum(SEARCH_LANGUAGES, { message: `must be one of ${SEARCH_LANGUAGES.join(', ')}` }).default('english'),
    })
    .prefault({}),
});

export type NexusConfig = z.output<typeof configSchema>;
