import type { Deps } from '../deps.js';
import { runNextAiJob } from '../ai/run-ai-job.js';

export interface WorkerOptions {
  /** Jobs run at the same time in this process. */
  concurrency?: number;
  /** Pause between polls of an empty queue. */
  pollMs?: number;
  /** Told about a job that threw (a bug or the database going away); the loop keeps going. */
  onError?: (error: unknown) => void;
}

export interface RunningWorkers {
  /** Look at the queue now instead of at the next poll (e.g. right after a message was stored). */
  poke(): void;
  /** Stops taking jobs and waits for the running ones to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the background job consumers (today: AI replies) until stopped. `nexus worker` runs it alone;
 * `nexus serve` runs it beside the HTTP server. Safe to run in many processes on one Postgres.
 */
export function startWorkers(services: { deps: Deps }, options: WorkerOptions = {}): RunningWorkers {
  const { deps } = services;
  const pollMs = options.pollMs ?? 500;
  let stopped = false;
  let wake: (() => void) | undefined;
  const idle = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, pollMs);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  const loop = async () => {
    while (!stopped) {
      let worked = false;
      try {
        worked = await runNextAiJob(deps);
      } catch (error) {
        options.onError?.(error);
      }
      if (!worked && !stopped) await idle();
    }
  };
  const loops = Array.from({ length: Math.max(1, options.concurrency ?? 2) }, loop);
  return {
    poke: () => wake?.(),
    async stop() {
      stopped = true;
      wake?.();
      await Promise.all(loops);
    },
  };
}
