import { cellWidth, padCells, safeLine, safeText } from '../core/text/terminal-safe.js';
import type { CliContext } from './context.js';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/**
 * An aligned plain-text table. Cells are single-line and terminal-safe (controls shown visibly);
 * widths are in terminal cells, so CJK and emoji keep the columns aligned; long cells are cut on a terminal.
 */
export function renderTable<T>(rows: readonly T[], columns: Column<T>[], maxWidth?: number): string {
  const cells = rows.map((row) => columns.map((c) => oneLine(c.value(row))));
  const widths = columns.map((c, i) => Math.max(cellWidth(c.header), ...cells.map((r) => cellWidth(r[i]!))));
  if (maxWidth) {
    // Shrink the widest column until the table fits the terminal.
    const total = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
    while (total() > maxWidth) {
      const widest = widths.indexOf(Math.max(...widths));
      if (widths[widest]! <= 12) break;
      widths[widest]! -= 1;
    }
  }
  const line = (values: string[]) =>
    values
      .map((v, i) => padCells(v, widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header.toUpperCase())), ...cells.map(line)].join('\n');
}

function oneLine(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return safeLine(String(value));
}

/**
 * Stored text made safe for a terminal: controls, escape sequences and bidi overrides shown visibly.
 * Use it for every piece of stored data a human-format message embeds outside a table or fields.
 */
export function safe(value: string | number | null | undefined, options: { multiline?: boolean } = {}): string {
  if (value === null || value === undefined) return '-';
  return safeText(String(value), { keepNewlines: options.multiline, keepTabs: options.multiline });
}

/** Prints a result: the JSON document under --json, otherwise what `human` renders. */
export function present<T>(ctx: CliContext, flags: { json?: boolean }, data: T, human: (data: T) => string): void {
  if (flags.json) ctx.io.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
  else {
    const text = human(data);
    if (text) ctx.io.stdout.write(text.endsWith('\n') ? text : `${text}\n`);
  }
}

/** A note for people (progress, what happened); goes to stderr so stdout stays parseable. */
export function note(ctx: CliContext, message: string): void {
  ctx.io.stderr.write(`${safeText(message, { keepNewlines: true, keepTabs: true })}\n`);
}

/** `key: value` lines, aligned, for one record. */
export function renderFields(fields: [string, string | number | boolean | null | undefined][]): string {
  const width = Math.max(...fields.map(([k]) => cellWidth(k)));
  return fields
    .map(([k, v]) => `${padCells(`${k}:`, width + 1)} ${v === null || v === undefined || v === '' ? '-' : safeText(String(v), { keepNewlines: true, keepTabs: true })}`)
    .join('\n');
}
