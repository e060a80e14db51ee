import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { NexusError } from './errors.js';
import { textInputProblems } from './text-input.js';
import { parseInput } from './validation.js';

// Issue 9, item 15: one rule for every text input — what the CLI passes to a use case included.
describe('text input', () => {
  const schema = z.object({ subject: z.string(), tags: z.array(z.string()).default([]) });

  it.each([
    ['a NUL byte', { subject: 'a\u0000b' }, 'subject'],
    ['a lone high surrogate', { subject: 'ok', tags: ['fine', 'bad \ud83d'] }, 'tags.1'],
    ['a lone low surrogate', { subject: '\ude00 start' }, 'subject'],
  ])('Given %s, then parseInput refuses it as VALIDATION_FAILED (exit 2) naming the field', (_name, input, path) => {
    let caught: unknown;
    try {
      parseInput(schema, input);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(NexusError);
    const error = caught as NexusError;
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.exitCode).toBe(2);
    expect(error.details).toEqual([{ path, message: expect.any(String) }]);
  });

  it('Given proper text with emoji (surrogate pairs) and accents, then nothing is refused', () => {
    expect(textInputProblems({ subject: 'Café 😀 ünïcode', nested: { list: ['👍🏽', 'x'] } })).toEqual([]);
    expect(parseInput(schema, { subject: 'Café 😀' })).toEqual({ subject: 'Café 😀', tags: [] });
  });
});
