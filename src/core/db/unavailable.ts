import { isNexusError, NexusError } from '../errors.js';

/** SQLSTATEs that mean the connection or the server went away, not that the statement was wrong. */
const GONE_STATES = new Set(['57P01', '57P02', '57P03', '53300', '08000', '08001', '08003', '08004', '08006', '08007', '08P01']);
const GONE_ERRNOS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTCONN', 'NEXUS_DATABASE_BUSY']);
const GONE_MESSAGES = [
  'Connection terminated',
  'Client has encountered a connection error',
  'timeout exceeded when trying to connect',
  'Client was closed and is not queryable',
  'Too many connections',
  'terminating connection',
];

/** Seconds a client is told to wait before retrying when the database is away. */
export const DATABASE_RETRY_AFTER_SECONDS = 2;

/**
 * The database could not be had — the connection dropped (a restart, `pg_terminate_backend`, a pooler
 * recycling connections, the embedded owner stopping) or it stayed busy — as a DATABASE_UNAVAILABLE
 * error with Retry-After; null for any other error.
 */
export function asDatabaseUnavailable(error: unknown): NexusError | null {
  if (isNexusError(error)) return error.code === 'DATABASE_UNAVAILABLE' ? error : null;
  if (!(error instanceof Error)) return null;
  const code = (error as { code?: unknown }).code;
  const syscall = (error as { syscall?: unknown }).syscall;
  const isGone =
    (typeof code === 'string' && (GONE_STATES.has(code) || GONE_ERRNOS.has(code) || (code === 'ENOENT' && syscall === 'connect'))) ||
    GONE_MESSAGES.some((m) => error.message.includes(m));
  if (!isGone) return null;
  return new NexusError('DATABASE_UNAVAILABLE', 'The database is not available right now; try again shortly', {
    hint: 'The connection to the database was lost or it stayed busy. Retry; if it persists, check that the database (or `nexus serve`) is running.',
    retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS,
    cause: error,
  });
}
