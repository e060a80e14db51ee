/**
 * The one error type of Nexus and the one table that maps its codes to a CLI exit code and an HTTP
 * status. The CLI's runMain() and the server's error handler are the only places that translate.
 *
 * Exit codes: 0 ok · 1 error · 2 invalid usage or input · 3 threshold crossed · 4 not logged in /
 * not allowed · 5 not found · 6 conflict.
 */
export const ERRORS = {
  /** Input failed validation (a field, a flag value, a body). `details` lists the fields. */
  VALIDATION_FAILED: { http: 400, exit: 2 },
  /** The command line itself is wrong: unknown flag, missing argument. */
  INVALID_USAGE: { http: 400, exit: 2 },
  /** The path exists, but not with this HTTP method (the answer lists the ones it takes in `Allow`). */
  METHOD_NOT_ALLOWED: { http: 405, exit: 2 },
  /** Configuration (file, env, flags) is invalid; every problem is listed at once. */
  CONFIG_INVALID: { http: 500, exit: 2 },
  /** No session, or the session/token is missing, expired or revoked. */
  UNAUTHENTICATED: { http: 401, exit: 4 },
  /** Wrong email or password. Same answer for unknown accounts. */
  INVALID_CREDENTIALS: { http: 401, exit: 4 },
  /** Authenticated, but the role does not allow the action. */
  FORBIDDEN: { http: 403, exit: 4 },
  /** The account is disabled. */
  ACCOUNT_DISABLED: { http: 403, exit: 4 },
  /** No such resource, or one the actor may not see (indistinguishable on purpose). */
  NOT_FOUND: { http: 404, exit: 5 },
  /** The request conflicts with the current state (e.g. closing a closed ticket). */
  CONFLICT: { http: 409, exit: 6 },
  /** A unique thing already exists (e.g. a user with that email). */
  ALREADY_EXISTS: { http: 409, exit: 6 },
  /** Another process owns the embedded data folder and cannot serve this one. */
  DATA_DIR_LOCKED: { http: 409, exit: 6 },
  /** Same Idempotency-Key is still being processed. */
  IDEMPOTENCY_IN_FLIGHT: { http: 409, exit: 6 },
  /** Same Idempotency-Key reused with a different request body. */
  IDEMPOTENCY_MISMATCH: { http: 422, exit: 2 },
  /** Upload or body larger than allowed. */
  PAYLOAD_TOO_LARGE: { http: 413, exit: 2 },
  /** Upload type not on the allowlist (checked on content). */
  UNSUPPORTED_MEDIA_TYPE: { http: 415, exit: 2 },
  /** Too many requests; carries retryAfterSeconds. */
  RATE_LIMITED: { http: 429, exit: 1 },
  /** A `--fail-if` threshold was crossed (reports for cron). */
  THRESHOLD_CROSSED: { http: 200, exit: 3 },
  /** The database cannot be reached. */
  DATABASE_UNAVAILABLE: { http: 503, exit: 1 },
  /** The database schema is behind or ahead of this build. */
  SCHEMA_MISMATCH: { http: 503, exit: 1 },
  /** An outside service (model provider, mail provider) failed. */
  UPSTREAM_FAILED: { http: 502, exit: 1 },
  /** A bug: anything that is not one of the above. */
  INTERNAL: { http: 500, exit: 1 },
} as const satisfies Record<string, { http: number; exit: number }>;

export type ErrorCode = keyof typeof ERRORS;

export interface FieldProblem {
  path: string;
  message: string;
}

export interface NexusErrorOptions {
  hint?: string;
  details?: FieldProblem[];
  retryAfterSeconds?: number;
  cause?: unknown;
}

export class NexusError extends Error {
  readonly hint?: string;
  readonly details?: FieldProblem[];
  readonly retryAfterSeconds?: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: NexusErrorOptions = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'NexusError';
    this.hint = options.hint;
    this.details = options.details;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get exitCode(): number {
    return ERRORS[this.code].exit;
  }

  get httpStatus(): number {
    return ERRORS[this.code].http;
  }
}

export function isNexusError(error: unknown): error is NexusError {
  return error instanceof NexusError;
}

export const notFound = (what: string, hint?: string): NexusError =>
  new NexusError('NOT_FOUND', `${what} not found`, { hint });
