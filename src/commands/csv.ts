import type { Column } from './output.js';

/**
 * CSV as RFC 4180 writes it: CRLF line ends, a header row, a field quoted when it holds a comma, a quote,
 * CR or LF, and quotes inside doubled. Absent values are empty fields. The columns are the same ones the
 * table shows, so `--format csv` and the table never disagree.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function renderCsv<T>(rows: readonly T[], columns: Column<T>[]): string {
  const lines = [columns.map((c) => csvField(c.header)), ...rows.map((row) => columns.map((c) => csvField(c.value(row))))];
  return `${lines.map((fields) => fields.join(',')).join('\r\n')}\r\n`;
}
