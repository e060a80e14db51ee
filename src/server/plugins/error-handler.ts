import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { asDatabaseUnavailable } from '../../core/db/unavailable.js';
import { ERRORS, isNexusError, NexusError, type ErrorCode, type FieldProblem } from '../../core/errors.js';
import { toFieldProblems } from '../../core/validation.js';

export interface ErrorEnvelope {
  error: { code: ErrorCode; message: string; details?: FieldProblem[] };
}

/** Fastify's own request errors (bad JSON, wrong content type, too large) by their code. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'VALIDATION_FAILED',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'VALIDATION_FAILED',
  FST_ERR_CTP_BODY_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_CTP_INVALID_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_REQ_FILE_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  FST_PARTS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FILES_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_FIELDS_LIMIT: 'PAYLOAD_TOO_LARGE',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'UNSUPPORTED_MEDIA_TYPE',
  FST_ERR_VALIDATION: 'VALIDATION_FAILED',
  FST_ERR_BAD_URL: 'VALIDATION_FAILED',
  FST_ERR_ASYNC_CONSTRAINT: 'VALIDATION_FAILED',
};

function statusCodeCode(status: number): ErrorCode {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 404) return 'NOT_FOUND';
  if (status === 409) return 'CONFLICT';
  if (status === 413) return 'PAYLOAD_TOO_LARGE';
  if (status === 415) return 'UNSUPPORTED_MEDIA_TYPE';
  if (status === 429) return 'RATE_LIMITED';
  return 'VALIDATION_FAILED';
}

/**
 * The caller's own names: a body field as `subject`, a query parameter as `status`, a path parameter as
 * `number` — never `body.subject` or zod's internals. The whole body (not an object) is `(body)`.
 */
function fieldProblems(error: FastifyError): FieldProblem[] {
  const where = `(${error.validationContext ?? 'body'})`;
  if (hasZodFastifySchemaValidationErrors(error)) {
    return toFieldProblems({
      issues: error.validation.map((v) => ({
        path: v.instancePath.split('/').filter(Boolean),
        message: v.message ?? 'is invalid',
        code: v.keyword,
        keys: (v.params as { keys?: string[] }).keys,
      })),
    }).map((p) => (p.path === '(input)' ? { ...p, path: where } : p));
  }
  return (error.validation ?? []).map((v) => ({ path: v.instancePath.split('/').filter(Boolean).join('.') || where, message: v.message ?? 'is invalid' }));
}

/** Translates anything thrown into the one envelope. Not exported as a class of errors: a NexusError is the contract. */
export function toNexusError(error: unknown): NexusError | null {
  if (isNexusError(error)) return error;
  const e = error as FastifyError;
  if (e && (e.validation || hasZodFastifySchemaValidationErrors(e))) {
    const details = fieldProblems(e);
    return new NexusError('VALIDATION_FAILED', `Invalid request — ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`.slice(0, 2000), { details });
  }
  if (e && typeof e.code === 'string' && FASTIFY_CODES[e.code]) {
    const code = FASTIFY_CODES[e.code]!;
    const message = code === 'VALIDATION_FAILED' && e.code.startsWith('FST_ERR_CTP') ? 'The request body is not valid JSON' : e.message;
    return new NexusError(code, message);
  }
  const status = e?.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) return new NexusError(statusCodeCode(status), e.message || 'Bad request');
  return asDatabaseUnavailable(error);
}

export function sendError(reply: FastifyReply, error: NexusError): FastifyReply {
  const body: ErrorEnvelope = { error: { code: error.code, message: error.message, ...(error.details ? { details: error.details } : {}) } };
  if (error.retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(error.retryAfterSeconds))));
  // RFC 6750: every 401 names the scheme; a token that was sent but is bad says so.
  if (error.httpStatus === 401) reply.header('www-authenticate', error.code === 'UNAUTHENTICATED' && error.message !== MISSING_TOKEN ? 'Bearer realm="nexus", error="invalid_token"' : 'Bearer realm="nexus"');
  return reply.code(ERRORS[error.code].http).type('application/json; charset=utf-8').send(body);
}

/** The message of a 401 for a request that sent no token at all. */
export const MISSING_TOKEN = 'An access token is required';

/** The one place that maps errors to HTTP. Unknown errors are a 500 with no details, logged with the stack. */
export function registerErrorHandler(app: FastifyInstance, options: { allowedMethods?: (path: string) => string[] } = {}): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) => {
    const known = toNexusError(error);
    if (known) {
      if (known.httpStatus >= 500) request.log.error({ err: error }, 'request failed');
      return sendError(reply, known);
    }
    request.log.error({ err: error }, 'unexpected error');
    return sendError(reply, new NexusError('INTERNAL', 'Something went wrong on our side; it has been logged'));
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0]!;
    const allowed = options.allowedMethods?.(path) ?? [];
    if (allowed.length > 0 && !allowed.includes(request.method)) {
      reply.header('allow', allowed.join(', '));
      return sendError(reply, new NexusError('METHOD_NOT_ALLOWED', `${request.method} is not allowed on ${path.slice(0, 200)}; it takes ${allowed.join(', ')}`));
    }
    return sendError(reply, new NexusError('NOT_FOUND', `No route ${request.method} ${path.slice(0, 200)}`));
  });
}
