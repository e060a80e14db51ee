import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { NexusError } from './errors.js';
import { parseInput, toFieldProblems } from './validation.js';

const details = (schema: z.ZodType, input: unknown) => {
  try {
    parseInput(schema, input);
  } catch (error) {
    return (error as NexusError).details;
  }
  throw new Error('expected a validation error');
};

describe('validation errors speak plainly (issue 8 item 6)', () => {
  it.each([
    ['a missing field', z.object({ subject: z.string() }), {}, { path: 'subject', message: 'is required' }],
    ['a wrong type', z.object({ minutes: z.number() }), { minutes: 'ten' }, { path: 'minutes', message: 'must be a number' }],
    ['an empty text', z.object({ name: z.string().min(1) }), { name: '' }, { path: 'name', message: 'must not be empty' }],
    ['a long text', z.object({ name: z.string().max(3) }), { name: 'abcd' }, { path: 'name', message: 'must be at most 3 characters' }],
    ['a value outside a list', z.object({ status: z.enum(['open', 'closed']) }), { status: 'nope' }, { path: 'status', message: 'must be one of open, closed' }],
    ['an unknown field', z.strictObject({ subject: z.string() }), { subject: 'x', subjcet: 'y' }, { path: 'subjcet', message: 'is not a known field' }],
  ])('Given %s, when parsed, then the detail names the field and says what is wrong without zod words', (_name, schema, input, expected) => {
    const found = details(schema, input);
    expect(found).toEqual([expected]);
    expect(JSON.stringify(found)).not.toMatch(/Invalid input|expected \w+, received|Unrecognized key/);
  });

  it('Given a schema that states its own message, when parsed, then that message wins', () => {
    expect(details(z.object({ n: z.number({ message: 'must be a ticket number' }) }), { n: 'x' })).toEqual([{ path: 'n', message: 'must be a ticket number' }]);
  });

  it('Given several unknown keys at the top, when turned into problems, then each is named on its own', () => {
    expect(toFieldProblems({ issues: [{ path: [], message: 'x', code: 'unrecognized_keys', keys: ['a', 'b'] }] })).toEqual([
      { path: 'a', message: 'is not a known field' },
      { path: 'b', message: 'is not a known field' },
    ]);
  });
});
