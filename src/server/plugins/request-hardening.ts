import type { FastifyInstance } from 'fastify';
import { NexusError } from '../../core/errors.js';
import { textInputProblems } from '../../core/text-input.js';

/**
 * Issue 9's request rules, in one place:
 * - every text input (body, query, path) is valid text: no NUL bytes, no lone surrogates → 400 naming the field;
 * - a JSON route takes only JSON: a `text/plain` body is 415, not a string the schema then misreads;
 * - token and authenticated responses are never cached (`Cache-Control: no-store`).
 */
export function registerRequestHardening(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain');
  app.addHook('preValidation', async (request) => {
    const details = [
      ...textInputProblems(request.params, ['params']),
      ...textInputProblems(request.query, ['query']),
      ...(Buffer.isBuffer(request.body) ? [] : textInputProblems(request.body, ['body'])),
    ];
    if (details.length > 0) {
      throw new NexusError('VALIDATION_FAILED', `Invalid request — ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`.slice(0, 2000), { details });
    }
  });
  app.addHook('onSend', (request, reply, payload, done) => {
    if (request.headers.authorization !== undefined || request.url.startsWith('/v1/auth/')) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}
