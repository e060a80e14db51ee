/**
 * Plain-language messages for zod's issues, so no edge ever shows zod's own wording ("Invalid input:
 * expected string, received undefined"). Messages a schema states itself win over these (zod's order);
 * these cover the server's request schemas and any schema that states none.
 */

interface RawIssue {
  code?: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  values?: readonly unknown[];
  format?: string;
  keys?: readonly string[];
}

const KIND: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  date: 'a date',
  nan: 'a number',
};

const count = (n: number | bigint | undefined, one: string, many: string) => `${String(n)} ${n === 1 || n === 1n ? one : many}`;

function sized(origin: string | undefined, n: number | bigint | undefined, bound: 'most' | 'least'): string {
  if (origin === 'string') return `must be at ${bound} ${count(n, 'character', 'characters')}`;
  if (origin === 'array' || origin === 'set') return `must have at ${bound} ${count(n, 'item', 'items')}`;
  return `must be at ${bound} ${String(n)}`;
}

export function humanIssueMessage(issue: RawIssue): string | undefined {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : issue.input === null ? 'must not be null' : `must be ${KIND[issue.expected ?? ''] ?? issue.expected}`;
    case 'too_big':
      return sized(issue.origin, issue.maximum, 'most');
    case 'too_small':
      return issue.origin === 'string' && Number(issue.minimum) === 1 ? 'must not be empty' : sized(issue.origin, issue.minimum, 'least');
    case 'invalid_value':
      return `must be one of ${(issue.values ?? []).map(String).join(', ')}`;
    case 'invalid_format':
      return issue.format === 'regex' ? 'is not in the expected form' : `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return 'is not a known field';
    case 'invalid_union':
    case 'invalid_key':
    case 'invalid_element':
    case 'not_multiple_of':
    case 'custom':
      return 'is invalid';
    default:
      return undefined;
  }
}
