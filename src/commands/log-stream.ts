import { Writable } from 'node:stream';
import { safeLine } from '../core/text/terminal-safe.js';
import { formatTime } from './time-format.js';

const LEVELS: Record<number, string> = { 10: 'trace', 20: 'debug', 30: 'info', 40: 'warn', 50: 'error', 60: 'fatal' };

/**
 * One JSON log line as people read it: `14:05 UTC info  GET /v1/tickets 200 12ms  request completed`.
 * A log line can quote what a client sent (an error message citing a malformed body, a URL): on the
 * terminal it is shown terminal-safe, on one line (its controls visible, as in the CLI's tables).
 */
export function prettyLogLine(line: string): string {
  let entry: Record<string, unknown>;
  try {
    entry = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return safeLine(line);
  }
  const req = entry.req as { method?: string; url?: string } | undefined;
  const res = entry.res as { statusCode?: number } | undefined;
  const time = typeof entry.time === 'number' ? formatTime(new Date(entry.time).toISOString()).slice(11) : '';
  const request = [req?.method, req?.url, res?.statusCode, typeof entry.responseTime === 'number' ? `${Math.round(entry.responseTime)}ms` : undefined].filter(Boolean).join(' ');
  const error = (entry.err as { message?: string } | undefined)?.message;
  const parts = [request, typeof entry.msg === 'string' ? entry.msg : '', error ? `— ${error}` : ''].map(safeLine);
  return [time, (LEVELS[entry.level as number] ?? String(entry.level)).padEnd(5), ...parts].filter(Boolean).join('  ');
}

/**
 * Where `nexus serve` logs go: readable lines on a terminal, the JSON lines themselves otherwise (for
 * log collectors).
 */
export function serverLogStream(stderr: NodeJS.WritableStream & { isTTY?: boolean }): NodeJS.WritableStream {
  if (!stderr.isTTY) return stderr;
  let pending = '';
  return new Writable({
    write(chunk, _encoding, done) {
      pending += String(chunk);
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line) stderr.write(`${prettyLogLine(line)}\n`);
      done();
    },
  });
}
