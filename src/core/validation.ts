import { z } from 'zod';
import { NexusError, type FieldProblem } from './errors.js';
import { textInputProblems } from './text-input.js';
import { humanIssueMessage } from './validation-messages.js';

// One wording for every schema that states no message of its own, core and server alike (issue 8).
z.config({ customError: (issue) => humanIssueMessage(issue as Parameters<typeof humanIssueMessage>[0]) });

/**
 * Turns zod issues into the field list every edge shows (`details`): `{path, message}` with the field's
 * name as the caller gave it (an unknown field is named itself, not its parent). The CLI renames paths to
 * its flags (see src/commands/field-paths.ts).
 */
export function toFieldProblems(error: { issues: readonly { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] }[] }): FieldProblem[] {
  return error.issues.flatMap((issue) => {
    const base = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys' && issue.keys?.length) {
      return issue.keys.map((key) => ({ path: base ? `${base}.${key}` : key, message: 'is not a known field' }));
    }
    return [{ path: base || '(input)', message: issue.message }];
  });
}

/** Parses use-case input; on failure throws VALIDATION_FAILED naming every bad field. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const text = textInputProblems(input); // NUL bytes and lone surrogates, in any field (issue 9)
  if (text.length > 0) throw new NexusError('VALIDATION_FAILED', `Invalid input — ${text.map((d) => `${d.path}: ${d.message}`).join('; ')}`, { details: text });
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = toFieldProblems(result.error);
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new NexusError('VALIDATION_FAILED', `Invalid input — ${summary}`, { details });
}

/** Email as users type it; stored and compared in lower case. */
export const emailSchema = z
  .string()
  .trim()
  .max(254, 'must be at most 254 characters')
  .pipe(z.email({ message: 'must be a valid email address, e.g. ana@example.com' }))
  .transform((value) => value.toLowerCase());
