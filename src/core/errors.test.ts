import { describe, expect, it } from 'vitest';
import { ERRORS, NexusError } from './errors.js';

describe('the error table', () => {
  it('maps every code to a documented exit code and a 4xx/5xx status (200 only for a crossed threshold)', () => {
    for (const [code, { http, exit }] of Object.entries(ERRORS)) {
      expect([1, 2, 3, 4, 5, 6], code).toContain(exit);
      if (code === 'THRESHOLD_CROSSED') expect({ exit, http }).toEqual({ exit: 3, http: 200 });
      else expect(http >= 400 && http < 600, code).toBe(true);
    }
    expect(ERRORS.THRESHOLD_CROSSED).toMatchObject({ exit: 3, http: 200 });
  });

  it.each([
    ['NOT_FOUND', 5, 404],
    ['VALIDATION_FAILED', 2, 400],
    ['FORBIDDEN', 4, 403],
    ['UNAUTHENTICATED', 4, 401],
    ['CONFLICT', 6, 409],
    ['DATABASE_UNAVAILABLE', 1, 503],
    ['THRESHOLD_CROSSED', 3, 200],
  ] as const)('%s → exit %i, HTTP %i', (code, exit, http) => {
    const error = new NexusError(code, 'x');
    expect(error.exitCode).toBe(exit);
    expect(error.httpStatus).toBe(http);
  });
});
