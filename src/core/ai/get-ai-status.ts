import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { queueCounts } from '../jobs/ai-queue.js';
import { readBreaker } from './breaker.js';
import { aiRuntimeSchema, aiSettingsOf, aiSettingsSchema, readDeskAiRuntime } from './ai-runtime.js';
import { minuteOf, spentToday } from './limits.js';
import { breakerSettings } from './runtime.js';

/** `nexus ai status --json` and GET /v1/ai/status: one document. */
export const aiStatusSchema = aiSettingsSchema
  .omit({ breaker: true })
  .extend({
    /**
     * Where the configuration shown comes from: `server` — published by a running `nexus serve` or
     * `nexus worker` (the processes that answer tickets); `local` — none runs, so this is the desk's
     * configuration as this process resolves it (config file, environment, flags), as a server
     * started here would.
     */
    configSource: z.enum(['server', 'local']),
    /** The process whose configuration is shown (null for `local`), and how many run the AI workers now. */
    server: aiRuntimeSchema.nullable(),
    runningWorkers: z.number().int(),
    breaker: z.object({
      state: z.enum(['closed', 'open', 'half_open']),
      consecutiveFailures: z.number(),
      openedAt: z.string().nullable(),
      probeAt: z.string().nullable(),
      lastError: z.string().nullable(),
      threshold: z.number(),
      cooldownSeconds: z.number(),
    }),
    usage: z.object({ thisMinute: z.object({ requests: z.number(), tokens: z.number() }), spentTodayUsd: z.number() }),
    queue: z.object({ queued: z.number(), running: z.number() }),
  })
  .meta({ id: 'AiStatus' });
export type AiStatus = z.infer<typeof aiStatusSchema>;

/**
 * `nexus ai status` / GET /v1/ai/status: is the desk's AI on (and why not), its provider, model and
 * whether it has a key, the breaker, limits, usage and queue. Staff only. The configuration is the one
 * the running server or workers published; with none running, the caller's own (see ai-runtime.ts).
 */
export async function getAiStatus(deps: Deps, actor: Actor): Promise<AiStatus> {
  authorize(actor, 'ai.view');
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const published = await readDeskAiRuntime({ db: trx, clock: deps.clock });
    const { breaker, ...settings } = published?.settings ?? aiSettingsOf(deps.config, deps);
    const usage = await trx.selectFrom('ai_usage').select(['requests', 'tokens']).where('minute', '=', minuteOf(now)).executeTakeFirst();
    // The breaker's state is read with the desk's own threshold and cooldown.
    const view = await readBreaker(trx, { ...breakerSettings(deps.config), threshold: breaker.threshold, cooldownSeconds: breaker.cooldownSeconds });
    return {
      ...settings,
      configSource: published ? 'server' : 'local',
      server: published?.runtime ?? null,
      runningWorkers: published?.running ?? 0,
      breaker: { ...view, threshold: breaker.threshold, cooldownSeconds: breaker.cooldownSeconds },
      usage: { thisMinute: { requests: usage?.requests ?? 0, tokens: usage?.tokens ?? 0 }, spentTodayUsd: await spentToday(trx, now) },
      queue: await queueCounts(trx),
    };
  });
}
