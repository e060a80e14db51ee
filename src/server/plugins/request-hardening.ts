import type { FastifyInstance, FastifyRequest } from 'fastify';
import { NexusError } from '../../core/errors.js';
import { textInputProblems } from '../../core/text-input.js';

/**
 * Issue 9's request rules, in one place:
 * - every text input (body, query, path) is valid text: no NUL bytes, no lone surrogates → 400 naming the field;
 * - a JSON route takes only JSON: a `text/plain` body is 415, not a string the schema then misreads;
 * - token and authenticated responses are never cached (`Cache-Control: no-store`, set by app.ts's onSend
 *   hook with `answerIsPrivate`).
 */
export function registerRequestHardening(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  // Synchronous: an async hook costs every request a promise and a turn of the microtask queue.
  app.addHook('preValidation', (request, _reply, done) => {
    const details = [
      ...textInputProblems(request.params, ['params']),
      ...textInputProblems(request.query, ['query']),
      ...(Buffer.isBuffer(request.body) ? [] : textInputProblems(request.body, ['body'])),
    ];
    if (details.length > 0) {
      done(new NexusError('VALIDATION_FAILED', `Invalid request — ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`.slice(0, 2000), { details }));
      return;
    }
    done();
  });
}

/** Whether an answer must not be cached: it answers a token (login, refresh…) or an authenticated request. */
export const answerIsPrivate = (request: FastifyRequest): boolean => request.headers.authorization !== undefined || request.url.startsWith('/v1/auth/');
