import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { NexusConfig } from '../config/schema.js';
import type { Deps } from '../deps.js';
import { PROMPT_HASH, PROMPT_VERSION } from './prompt.js';
import { aiDisabledReason, breakerSettings } from './runtime.js';

/**
 * The desk's AI configuration as one process resolved it: what `nexus ai status` and GET /v1/ai/status
 * show. Never the key, only whether there is one; the endpoint by host only (a base URL can carry
 * credentials or a key in its query).
 */
export const aiSettingsSchema = z.object({
  enabled: z.boolean(),
  /** Why the AI is off, in plain words; null when it is on. */
  disabledReason: z.string().nullable(),
  /** `openai` (the default endpoint) or `openai-compatible` (ai.baseUrl names another). */
  provider: z.enum(['openai', 'openai-compatible']),
  /** host[:port] of the endpoint, e.g. api.openai.com. */
  baseUrlHost: z.string(),
  model: z.string(),
  apiKeyPresent: z.boolean(),
  prompt: z.object({ version: z.string(), hash: z.string() }),
  limits: z.object({
    perTicket: z.object({ maxReplies: z.number(), windowSeconds: z.number() }),
    requestsPerMinute: z.number(),
    tokensPerMinute: z.number(),
    dailyBudgetUsd: z.number(),
    minConfidence: z.number(),
  }),
  breaker: z.object({ threshold: z.number(), cooldownSeconds: z.number() }),
});
export type AiSettings = z.infer<typeof aiSettingsSchema>;

/** The process whose configuration is shown: one running the AI workers, or null for this process's own. */
export const aiRuntimeSchema = z.object({
  command: z.string(),
  hostname: z.string(),
  pid: z.number().int(),
  startedAt: z.string(),
  seenAt: z.string(),
});
export type AiRuntime = z.infer<typeof aiRuntimeSchema>;

const DEFAULT_HOST = 'api.openai.com';

/** host[:port] of an endpoint URL: never its path, query or credentials. */
export function hostOf(baseUrl: string | undefined): string {
  if (!baseUrl) return DEFAULT_HOST;
  try {
    return new URL(baseUrl).host || DEFAULT_HOST;
  } catch {
    return 'unparseable URL';
  }
}

/** The AI settings as `config` (this process's resolution of file, environment and flags) gives them. */
export function aiSettingsOf(config: NexusConfig, deps?: Pick<Deps, 'ai'>): AiSettings {
  const { ai } = config;
  const disabledReason = aiDisabledReason(config, deps);
  const breaker = breakerSettings(config);
  const host = hostOf(ai.baseUrl);
  return {
    enabled: disabledReason === null,
    disabledReason,
    provider: host === DEFAULT_HOST ? 'openai' : 'openai-compatible',
    baseUrlHost: host,
    model: ai.model,
    apiKeyPresent: Boolean(ai.apiKey),
    prompt: { version: PROMPT_VERSION, hash: PROMPT_HASH },
    limits: {
      perTicket: { maxReplies: ai.replyMaxPerWindow, windowSeconds: ai.replyWindowSeconds },
      requestsPerMinute: ai.requestsPerMinute,
      tokensPerMinute: ai.tokensPerMinute,
      dailyBudgetUsd: ai.dailyBudgetUsd,
      minConfidence: ai.minConfidence,
    },
    breaker: { threshold: breaker.threshold, cooldownSeconds: breaker.cooldownSeconds },
  };
}

/** A process that has not beaten for this long is gone (killed, or its machine lost): its row is ignored. */
export const RUNTIME_STALE_MS = 3 * 60_000;
/** How often a running process refreshes its row. */
export const RUNTIME_BEAT_MS = 60_000;

export interface ProcessIdentity {
  command: string;
  hostname: string;
  pid: number;
}

export interface PublishedRuntime {
  /** Refreshes seen_at (and the settings, should they have changed). */
  beat(): Promise<void>;
  /** Removes the row: this process no longer runs the AI workers. */
  remove(): Promise<void>;
}

/** Publishes this process's AI settings for `ai status` to read (`nexus serve`, `nexus worker`). */
export async function publishAiRuntime(deps: Deps, identity: ProcessIdentity): Promise<PublishedRuntime> {
  const id = randomUUID();
  const startedAt = deps.clock.now();
  const settings = () => JSON.stringify(aiSettingsOf(deps.config, deps));
  await deps.db
    .insertInto('ai_runtimes')
    .values({ id, command: identity.command, hostname: identity.hostname, pid: identity.pid, settings: settings(), started_at: startedAt, seen_at: startedAt })
    .execute();
  return {
    beat: async () => {
      const now = deps.clock.now();
      await deps.db
        .insertInto('ai_runtimes')
        .values({ id, command: identity.command, hostname: identity.hostname, pid: identity.pid, settings: settings(), started_at: startedAt, seen_at: now })
        .onConflict((oc) => oc.column('id').doUpdateSet({ seen_at: now, settings: settings() }))
        .execute();
      // Rows of processes long gone are of no use to anyone.
      await deps.db.deleteFrom('ai_runtimes').where('seen_at', '<', new Date(now.getTime() - 10 * RUNTIME_STALE_MS)).execute();
    },
    remove: async () => {
      await deps.db.deleteFrom('ai_runtimes').where('id', '=', id).execute();
    },
  };
}

/**
 * The desk's AI as the processes answering tickets see it: the settings of the most recently started
 * running process, or null when none runs (then the caller's own configuration is the desk's).
 */
export async function readDeskAiRuntime(deps: Pick<Deps, 'db' | 'clock'>): Promise<{ runtime: AiRuntime; settings: AiSettings; running: number } | null> {
  const since = new Date(deps.clock.now().getTime() - RUNTIME_STALE_MS);
  const rows = await deps.db.selectFrom('ai_runtimes').selectAll().where('seen_at', '>=', since).orderBy('started_at', 'desc').orderBy('id').execute();
  for (const row of rows) {
    const parsed = aiSettingsSchema.safeParse(row.settings);
    if (!parsed.success) continue; // written by another version of Nexus
    return {
      runtime: { command: row.command, hostname: row.hostname, pid: row.pid, startedAt: row.started_at.toISOString(), seenAt: row.seen_at.toISOString() },
      settings: parsed.data,
      running: rows.length,
    };
  }
  return null;
}
