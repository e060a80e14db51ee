import type { FieldProblem } from './errors.js';

/** A lone surrogate: half of a UTF-16 pair without its other half (not a character; Postgres refuses it). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_DEPTH = 32;

/** Why a string cannot be stored as text, or null when it can. */
export function textProblem(value: string): string | null {
  if (value.includes('\u0000')) return 'must not contain NUL characters (\\u0000)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text (it contains a lone surrogate)';
  return null;
}

/** No string anywhere (no value, a number, an empty object): the common case of a request's params and query. */
function nothingToCheck(input: unknown): boolean {
  if (typeof input !== 'object' || input === null) return typeof input !== 'string';
  for (const _ in input) return false;
  return true;
}

/**
 * The one rule for every text input, CLI and API alike: no NUL bytes and no lone surrogates, in any
 * string anywhere in the input (keys included). Each problem names the field by its path.
 */
export function textInputProblems(input: unknown, prefix: string[] = []): FieldProblem[] {
  if (nothingToCheck(input)) return [];
  const problems: FieldProblem[] = [];
  const visit = (value: unknown, path: string[], depth: number) => {
    if (typeof value === 'string') {
      const problem = textProblem(value);
      if (problem) problems.push({ path: path.join('.') || '(input)', message: problem });
      return;
    }
    if (depth >= MAX_DEPTH || value === null || typeof value !== 'object' || ArrayBuffer.isView(value) || value instanceof Date) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, String(i)], depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(value)) {
      const problem = textProblem(key);
      if (problem) problems.push({ path: [...path, '(key)'].join('.'), message: `names a field that ${problem.replace(/^must/, 'must')}` });
      else visit(item, [...path, key], depth + 1);
    }
  };
  visit(input, prefix, 0);
  return problems;
}
