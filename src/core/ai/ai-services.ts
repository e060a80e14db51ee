import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { getAiOutcome } from './ai-outcome.js';
import { aiTicketHooks } from './enqueue-ai-reply.js';
import { getAiStatus } from './get-ai-status.js';
import { getAiTrace, listAiTraces, type ListAiTracesInput } from './list-ai-traces.js';
import { startWorkers, type RunningWorkers, type WorkerOptions } from '../jobs/workers.js';
import { runNextAiJob } from './run-ai-job.js';

/** Installs the AI pipeline's ticket hooks unless the edge brought its own. */
export function withAiHooks(input: Deps): Deps {
  const deps: Deps = { ...input };
  deps.hooks = input.hooks ?? aiTicketHooks(deps);
  return deps;
}

export function aiServices(deps: Deps) {
  const running = new Set<RunningWorkers>();
  return {
    /**
     * The AI outcome of a just-stored customer message, waiting up to `waitMs` for it. Wakes this
     * process's workers first, so the job starts now rather than at the next poll.
     */
    outcome: (messageId: string, options?: { waitMs?: number }) => {
      for (const workers of running) workers.poke();
      return getAiOutcome(deps, messageId, options);
    },
    /** Starts the background job consumers in this process (`nexus serve`, `nexus worker`). */
    startWorkers: (options?: WorkerOptions): RunningWorkers => {
      const workers = startWorkers({ deps }, options);
      running.add(workers);
      return {
        poke: workers.poke,
        stop: async () => {
          running.delete(workers);
          await workers.stop();
        },
      };
    },
    status: (actor: Actor) => getAiStatus(deps, actor),
    traces: (actor: Actor, input?: ListAiTracesInput) => listAiTraces(deps, actor, input),
    trace: (actor: Actor, id: string) => getAiTrace(deps, actor, { id }),
    /** Runs one queued AI job if one is ready (workers and tests); false when nothing was ready. */
    runNextJob: () => runNextAiJob(deps),
  };
}
