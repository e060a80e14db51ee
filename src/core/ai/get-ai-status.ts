import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { queueCounts } from '../jobs/ai-queue.js';
import { readBreaker, type BreakerView } from './breaker.js';
import { minuteOf, spentToday } from './limits.js';
import { PROMPT_HASH, PROMPT_VERSION } from './prompt.js';
import { aiDisabledReason, breakerSettings } from './runtime.js';

export interface AiStatus {
  enabled: boolean;
  /** Why the AI is off, in plain words; null when it is on. */
  disabledReason: string | null;
  model: string;
  baseUrl: string | null;
  prompt: { version: string; hash: string };
  breaker: BreakerView & { threshold: number; cooldownSeconds: number };
  limits: {
    perTicket: { maxReplies: number; windowSeconds: number };
    requestsPerMinute: number;
    tokensPerMinute: number;
    dailyBudgetUsd: number;
    minConfidence: number;
  };
  usage: { thisMinute: { requests: number; tokens: number }; spentTodayUsd: number };
  queue: { queued: number; running: number };
}

/** `nexus ai status`: is the AI on (and why not), breaker, limits, usage and queue. Staff only. */
export async function getAiStatus(deps: Deps, actor: Actor): Promise<AiStatus> {
  authorize(actor, 'ai.view');
  const { ai } = deps.config;
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const settings = breakerSettings(deps.config);
    const usage = await trx.selectFrom('ai_usage').select(['requests', 'tokens']).where('minute', '=', minuteOf(now)).executeTakeFirst();
    const disabledReason = aiDisabledReason(deps.config, deps);
    return {
      enabled: disabledReason === null,
      disabledReason,
      model: ai.model,
      baseUrl: ai.baseUrl ?? null,
      prompt: { version: PROMPT_VERSION, hash: PROMPT_HASH },
      breaker: { ...(await readBreaker(trx, settings)), threshold: settings.threshold, cooldownSeconds: settings.cooldownSeconds },
      limits: {
        perTicket: { maxReplies: ai.replyMaxPerWindow, windowSeconds: ai.replyWindowSeconds },
        requestsPerMinute: ai.requestsPerMinute,
        tokensPerMinute: ai.tokensPerMinute,
        dailyBudgetUsd: ai.dailyBudgetUsd,
        minConfidence: ai.minConfidence,
      },
      usage: { thisMinute: { requests: usage?.requests ?? 0, tokens: usage?.tokens ?? 0 }, spentTodayUsd: await spentToday(trx, now) },
      queue: await queueCounts(trx),
    };
  });
}
