import { z } from 'zod';
import { NexusError, type FieldProblem } from './errors.js';
import { textInputProblems } from './text-input.js';

/** Turns zod issues into the field list every edge shows (`details`). */
export function toFieldProblems(error: z.ZodError): FieldProblem[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: issue.message,
  }));
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
