import { NexusError } from '../core/errors.js';

/**
 * Runs a use case whose input names differ from the request's field names, and answers validation
 * errors with the caller's names (the API's `body` is the core's `message` when creating a ticket).
 */
export async function withFieldNames<T>(names: Record<string, string>, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof NexusError) || !error.details?.some((d) => names[d.path])) throw error;
    const details = error.details.map((d) => ({ path: names[d.path] ?? d.path, message: d.message }));
    const message = error.message.startsWith('Invalid input — ') ? `Invalid input — ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}` : error.message;
    throw new NexusError(error.code, message, { hint: error.hint, details, retryAfterSeconds: error.retryAfterSeconds, cause: error });
  }
}
