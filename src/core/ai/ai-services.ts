import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { getAiOutcome } from './ai-outcome.js';
import { aiTicketHooks } from './enqueue-ai-reply.js';
import { getAiStatus } from './get-ai-status.js';
import { listAiTraces, type ListAiTracesInput } from './list-ai-traces.js';
import { runNextAiJob } from './run-ai-job.js';

/** Installs the AI pipeline's ticket hooks unless the edge brought its own. */
export function withAiHooks(input: Deps): Deps {
  const deps: Deps = { ...input };
  deps.hooks = input.hooks ?? aiTicketHooks(deps);
  return deps;
}

export function aiServices(deps: Deps) {
  return {
    /** The AI outcome of a just-stored customer message, waiting up to `waitMs` for it. */
    outcome: (messageId: string, options?: { waitMs?: number }) => getAiOutcome(deps, messageId, options),
    status: (actor: Actor) => getAiStatus(deps, actor),
    traces: (actor: Actor, input?: ListAiTracesInput) => listAiTraces(deps, actor, input),
    /** Runs one queued AI job if one is ready (workers and tests); false when nothing was ready. */
    runNextJob: () => runNextAiJob(deps),
  };
}
