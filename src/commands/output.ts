import type { CliContext } from './context.js';

export interface Column<T> {
  header: string;
  value: (row: T) => string | number | boolean | null | undefined;
}

/** An aligned plain-text table. Cells are single-line; long ones are cut on a terminal. */
export function renderTable<T>(rows: readonly T[], columns: Column<T>[], maxWidth?: number): string {
  const cells = rows.map((row) => columns.map((c) => oneLine(c.value(row))));
  const widths = columns.map((c, i) => Math.max(c.header.length, ...cells.map((r) => r[i]!.length)));
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
      .map((v, i) => (v.length > widths[i]! ? `${v.slice(0, widths[i]! - 1)}…` : v.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.header.toUpperCase())), ...cells.map(line)].join('\n');
}

function oneLine(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '-';
  return String(value).replace(/\s+/g, ' ');
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
  ctx.io.stderr.write(`${message}\n`);
}

/** `key: value` lines, aligned, for one record. */
export function renderFields(fields: [string, string | number | boolean | null | undefined][]): string {
  const width = Math.max(...fields.map(([k]) => k.length));
  return fields.map(([k, v]) => `${`${k}:`.padEnd(width + 1)} ${v === null || v === undefined || v === '' ? '-' : v}`).join('\n');
}
