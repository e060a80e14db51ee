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
    ['JSON null', Buffer.from('null').toString('base64url')],
    ['a JSON number', Buffer.from('42').toString('base64url')],
    ['a JSON string', Buffer.from('"-created"').toString('base64url')],
    ['a missing sort', Buffer.from(JSON.stringify({ k: 'x', n: 1 })).toString('base64url')],
    ['a numeric key', Buffer.from(JSON.stringify({ s: '-created', k: 5, n: 1 })).toString('base64url')],
    ['a missing number', Buffer.from(JSON.stringify({ s: '-created', k: 'x' })).toString('base64url')],
    ['a number as text', Buffer.from(JSON.stringify({ s: '-created', k: 'x', n: '1' })).toString('base64url')],
    ['an unsafe number', Buffer.from(JSON.stringify({ s: '-created', k: 'x', n: 2 ** 53 })).toString('base64url')],
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
    expect(error.message).toBe('Invalid input — cursor: is not a cursor returned by this list');
    expect(error.details).toEqual([{ path: 'cursor', message: 'is not a cursor returned by this list' }]);
    expect(error.hint).toBe('Pass the nextCursor of the previous page unchanged, with the same sort.');
  });

  it('encodes the sort, key and number as a small JSON document', () => {
    const text = encodeCursor({ sort: 'priority', key: '3', number: 12 });
    expect(JSON.parse(Buffer.from(text, 'base64url').toString('utf8'))).toEqual({ s: 'priority', k: '3', n: 12 });
  });

  it.each(['-created', 'created', '-updated', 'priority', 'number', 'relevance'] as const)('round-trips the %s sort', (sort) => {
    const cursor = { sort, key: sort === 'number' ? null : 'k', number: 5 };
    expect(decodeCursor(encodeCursor(cursor), sort)).toEqual(cursor);
  });

  it('accepts a null key only for the number sort, and a key for it too', () => {
    expect(decodeCursor(encodeCursor({ sort: 'number', key: '7', number: 7 }), 'number')).toEqual({ sort: 'number', key: '7', number: 7 });
    expect(() => decodeCursor(encodeCursor({ sort: 'relevance', key: null, number: 7 }), 'relevance')).toThrow('is not a cursor returned by this list');
  });

  it('refuses a cursor made for another sort', () => {
    expect(() => decodeCursor(encodeCursor({ sort: 'priority', key: '1', number: 3 }), '-created')).toThrow('Invalid input — cursor: belongs to the sort priority, not -created');
  });
});
