import { describe, expect, it } from 'vitest';
import { NexusError } from '../errors.js';
import { asDatabaseUnavailable } from './unavailable.js';

// Issue 9, items 2, 5 and 8: a lost or busy database is a 503 with Retry-After (exit 1 with error:/hint:
// in the CLI), never a 500 "bug"; other errors are left alone.
describe('asDatabaseUnavailable', () => {
  const withCode = (message: string, code: string, syscall?: string) => Object.assign(new Error(message), { code, syscall });

  it.each([
    ['pg_terminate_backend', withCode('terminating connection due to administrator command', '57P01')],
    ['a dropped socket', new Error('Connection terminated unexpectedly')],
    ['a refused owner socket', withCode('connect ECONNREFUSED /tmp/x/.s.PGSQL.5432', 'ECONNREFUSED', 'connect')],
    ['a vanished owner socket', withCode('connect ENOENT /tmp/x/.s.PGSQL.5432', 'ENOENT', 'connect')],
    ['the embedded database held too long', withCode('The embedded database was busy for 15000 ms', 'NEXUS_DATABASE_BUSY')],
  ])('Given %s, then DATABASE_UNAVAILABLE with Retry-After', (_name, error) => {
    const mapped = asDatabaseUnavailable(error);
    expect(mapped).toBeInstanceOf(NexusError);
    expect(mapped).toMatchObject({ code: 'DATABASE_UNAVAILABLE', retryAfterSeconds: 2 });
    expect(mapped!.httpStatus).toBe(503);
    expect(mapped!.hint).toBeTruthy();
  });

  it.each([
    ['a missing file', withCode("ENOENT: no such file or directory, open 'x.png'", 'ENOENT', 'open')],
    ['a constraint violation', withCode('duplicate key value violates unique constraint', '23505')],
    ['another NexusError', new NexusError('NOT_FOUND', 'nope')],
  ])('Given %s, then it is not mapped', (_name, error) => {
    expect(asDatabaseUnavailable(error)).toBeNull();
  });
});
