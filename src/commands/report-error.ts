import { asDatabaseUnavailable } from '../core/db/unavailable.js';
import { isNexusError, type NexusError } from '../core/errors.js';
import { safeText } from '../core/text/terminal-safe.js';
import type { CliIo } from './io.js';

export interface ReportOptions {
  json: boolean;
  verbose: boolean;
}

/** The one place that turns an error into what the user sees and an exit code. */
export function reportError(io: CliIo, error: unknown, options: ReportOptions): number {
  const known: NexusError | undefined = isNexusError(error) ? error : (asDatabaseUnavailable(error) ?? undefined);
  const code = known?.code ?? 'INTERNAL';
  const message = known?.message ?? 'Something went wrong inside Nexus. This is a bug.';
  const hint = known
    ? known.hint
    : options.verbose
      ? undefined
      : 'Run the command again with --verbose for details, and report it with that output.';
  const exit = known?.exitCode ?? 1;
  if (options.json) {
    const body: Record<string, unknown> = { code, message };
    if (hint) body.hint = hint;
    if (known?.details) body.details = known.details;
    io.stdout.write(`${JSON.stringify({ error: body }, null, 2)}\n`);
  } else {
    // Messages can quote stored data (a tag name, a filename): never let it drive the terminal.
    const shown = (text: string) => safeText(text, { keepNewlines: true });
    io.stderr.write(`error: ${shown(message)}\n`);
    if (known?.details && known.details.length > 0 && !message.includes(known.details[0]!.message)) {
      for (const d of known.details) io.stderr.write(`  - ${shown(d.path)}: ${shown(d.message)}\n`);
    }
    if (hint) io.stderr.write(`hint: ${shown(hint)}\n`);
  }
  if (options.verbose && error instanceof Error) {
    io.stderr.write(`${error.stack ?? String(error)}\n`);
    if (error.cause instanceof Error) io.stderr.write(`caused by: ${error.cause.stack ?? error.cause.message}\n`);
  }
  return exit;
}
