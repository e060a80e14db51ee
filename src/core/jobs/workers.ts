import type { Deps } from '../deps.js';
import { publishAiRuntime, RUNTIME_BEAT_MS, type ProcessIdentity, type PublishedRuntime } from '../ai/ai-runtime.js';
import { runNextAiJob } from '../ai/run-ai-job.js';
import { checkSlaAt } from '../sla/check-sla.js';
import { purgeExpiredTickets } from '../tickets/purge-tickets.js';

export interface WorkerOptions {
  /** Jobs run at the same time in this process. */
  concurrency?: number;
  /** Pause between polls of an empty queue. */
  pollMs?: number;
  /** Told about a job that threw (a bug or the database going away); the loop keeps going. */
  onError?: (error: unknown) => void;
  /** How often the trash is purged of tickets deleted 30 or more days ago (default hourly; 0 = never). */
  purgeEveryMs?: number;
  /** How often SLA warnings and breaches are written to ticket histories (default every minute; 0 = never). */
  slaCheckEveryMs?: number;
  /**
   * This process, named for `nexus ai status`: when given, its AI configuration is published in the
   * database while the workers run (issue 8), so status shows the desk's AI as this process sees it.
   */
  identity?: ProcessIdentity;
}

export interface RunningWorkers {
  /** Look at the queue now instead of at the next poll (e.g. right after a message was stored). */
  poke(): void;
  /** Stops taking jobs and waits for the running ones to finish. */
  stop(): Promise<void>;
}

/**
 * Runs the background work until stopped: the AI reply consumers, and the hourly purge of the trash
 * (idempotent, so several processes doing it on one Postgres only find nothing left to purge). `nexus worker` runs it alone;
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
  const purgeEveryMs = options.purgeEveryMs ?? 3_600_000;
  let purging: Promise<unknown> = Promise.resolve();
  const purge = () => {
    purging = purgeExpiredTickets(deps).catch((error: unknown) => options.onError?.(error));
  };
  const purgeTimer = purgeEveryMs > 0 ? setInterval(purge, purgeEveryMs) : undefined;
  purgeTimer?.unref();
  if (purgeTimer) purge();
  const slaEveryMs = options.slaCheckEveryMs ?? 60_000;
  let checking: Promise<unknown> = Promise.resolve();
  const slaTimer =
    slaEveryMs > 0
      ? setInterval(() => {
          checking = checking.then(() => checkSlaAt(deps, deps.clock.now())).catch((error: unknown) => options.onError?.(error));
        }, slaEveryMs)
      : undefined;
  slaTimer?.unref();
  // Published in the background: a database hiccup here never stops the workers.
  let published: Promise<PublishedRuntime | undefined> = Promise.resolve(undefined);
  let beating: Promise<unknown> = Promise.resolve();
  let beatTimer: ReturnType<typeof setInterval> | undefined;
  if (options.identity) {
    const identity = options.identity;
    published = publishAiRuntime(deps, identity).catch((error: unknown) => {
      options.onError?.(error);
      return undefined;
    });
    beatTimer = setInterval(() => {
      beating = published.then((runtime) => runtime?.beat()).catch((error: unknown) => options.onError?.(error));
    }, RUNTIME_BEAT_MS);
    beatTimer.unref();
  }
  return {
    poke: () => wake?.(),
    async stop() {
      stopped = true;
      clearInterval(purgeTimer);
      clearInterval(slaTimer);
      clearInterval(beatTimer);
      wake?.();
      await Promise.all([...loops, purging, checking, beating]);
      await (await published)?.remove().catch((error: unknown) => options.onError?.(error));
    },
  };
}
