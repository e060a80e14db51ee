import type { NexusConfig } from '../config/schema.js';
import type { Deps } from '../deps.js';
import type { BreakerSettings } from './breaker.js';
import type { LlmClient } from './llm.js';
import { createOpenAiLlm } from './openai-llm.js';
import { deriveCanary } from './prompt.js';
import type { RetryPolicy, RetryTools } from './retry.js';

/** Why the AI is off globally, in plain words, or null when it is on. */
export function aiDisabledReason(config: NexusConfig, deps?: Pick<Deps, 'ai'>): string | null {
  if (!config.ai.enabled) return 'AI replies are turned off (ai.enabled = false / NEXUS_AI_ENABLED).';
  if (!config.ai.apiKey && !deps?.ai?.llm) return 'No model API key: set OPENAI_API_KEY to turn AI replies on.';
  return null;
}

export function retryPolicy(config: NexusConfig): RetryPolicy {
  return { maxRetries: config.ai.maxRetries, initialDelay: config.ai.initialDelay, backoffMultiplier: config.ai.backoffMultiplier, maxRetryAfterSeconds: 60 };
}

export function breakerSettings(config: NexusConfig): BreakerSettings {
  return { threshold: config.ai.breakerThreshold, cooldownSeconds: config.ai.breakerCooldownSeconds, probeTimeoutSeconds: leaseSeconds(config) };
}

/** Longest a job can take: every attempt timing out plus the backoff between them, with margin. */
export function leaseSeconds(config: NexusConfig): number {
  const { maxRetries, timeoutSeconds, initialDelay, backoffMultiplier } = config.ai;
  let backoff = 0;
  for (let i = 0; i < maxRetries; i++) backoff += Math.max(initialDelay * backoffMultiplier ** i * 1.25, 60);
  return Math.ceil((maxRetries + 1) * timeoutSeconds + backoff + 15);
}

export function retryTools(deps: Deps): RetryTools {
  return {
    sleep: deps.ai?.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms))),
    random: deps.ai?.random ?? Math.random,
  };
}

export function canaryOf(deps: Deps): string {
  return deps.ai?.canary ?? deriveCanary(deps.config.secretKey);
}

const built = new WeakMap<Deps, Map<string, Promise<LlmClient>>>();

/** The injected model, or the OpenAI adapter built once per Deps (and base URL) from config. */
export function llmOf(deps: Deps, baseUrl: string | undefined = deps.config.ai.baseUrl): Promise<LlmClient> {
  if (deps.ai?.llm) return Promise.resolve(deps.ai.llm);
  let clients = built.get(deps);
  if (!clients) built.set(deps, (clients = new Map()));
  let client = clients.get(baseUrl ?? '');
  if (!client) {
    client = createOpenAiLlm({ apiKey: deps.config.ai.apiKey ?? '', baseUrl });
    clients.set(baseUrl ?? '', client);
  }
  return client;
}
