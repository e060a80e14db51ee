import { describe, expect, it } from 'vitest';
import { NexusError } from '../errors.js';
import { decodeCursor, encodeCursor } from './ticket-cursor.js';

describe('ticket list cursors', () => {
  it('round-trip opaquely (base64url, no padding or plus signs)', () => {
    const cursor = { sort: '-created' as const, key: '2026-11-25 09:00:00.123456+00', number: 1042 };
    const text = encodeCursor(cursor);
    expect(text).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(text, '-created')).toEqual(cursor);
    expect(decodeCursor(encodeCursor({ sort: 'number', key: null, number: 7 }), 'number')).toEqual({ sort: 'number', key: null, number: 7 });
  });

  it.each([
    ['not base64 json', 'garbage!'],
    ['a JSON array', Buffer.from('[1,2]').toString('base64url')],
    ['an unknown sort', Buffer.from(JSON.stringify({ s: 'oldest', k: 'x', n: 1 })).toString('base64url')],
    ['a fractional number', Buffer.from(JSON.stringify({ s: '-created', k: 'x', n: 1.5 })).toString('base64url')],
    ['a missing key', Buffer.from(JSON.stringify({ s: '-created', k: null, n: 1 })).toString('base64url')],
  ])('refuses %s as VALIDATION_FAILED on the cursor field', (_label, text) => {
    const error = (() => {
      try {
        decodeCursor(text, '-created');
      } catch (e) {
        return e;
      }
    })() as NexusError;
    expect(error).toBeInstanceOf(NexusError);
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'cursor', message: expect.any(String) }]);
  });

  it('refuses a cursor made for another sort', () => {
    expect(() => decodeCursor(encodeCursor({ sort: 'priority', key: '1', number: 3 }), '-created')).toThrow(/belongs to the sort priority/);
  });
});
