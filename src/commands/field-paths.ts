import type { Command } from 'commander';
import { NexusError, type FieldProblem } from '../core/errors.js';

/** Core input names that a command takes under another flag name. */
const FLAG_FOR: Record<string, string> = {
  q: '--search',
  customerEmail: '--customer',
  agent: '--assignee',
  body: '--message',
  newName: '--name',
};

/** The name a person typed for a core input field on this command: `--status`, `--to`, `<ticket>`. */
export function flagFor(command: Command | undefined, path: string): string {
  if (!command) return path;
  const head = path.split('.')[0]!;
  const option = command.options.find((o) => o.attributeName() === head) ?? (FLAG_FOR[head] ? command.options.find((o) => o.long === FLAG_FOR[head]) : undefined);
  if (option?.long) return option.long;
  const argument = command.registeredArguments.find((a) => a.name() === head || (head === 'tickets' && a.name() === 'ticket'));
  if (argument) return `<${argument.name()}>`;
  return path;
}

/**
 * A validation error with the caller's names: `--status: must be one of …` rather than the core's field
 * names. Anything else passes through unchanged.
 */
export function withFlagPaths(error: unknown, command: Command | undefined): unknown {
  if (!(error instanceof NexusError) || !error.details?.length || !command) return error;
  const details: FieldProblem[] = error.details.map((d) => ({ path: flagFor(command, d.path), message: d.message }));
  const message = error.message.startsWith('Invalid input — ') ? `Invalid input — ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}` : error.message;
  return new NexusError(error.code, message, { hint: error.hint, details, retryAfterSeconds: error.retryAfterSeconds, cause: error });
}
