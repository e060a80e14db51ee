import { safeText } from '../core/text/terminal-safe.js';
import type { Column } from './output.js';

/**
 * A text a spreadsheet would run as a formula (CWE-1236, OWASP "CSV Injection"): one that starts with
 * `=`, `+`, `-`, `@` (or their full-width forms, which some spreadsheets read the same way) or a tab.
 * `=HYPERLINK("https://evil.example", "Click")` in a customer's subject must stay text when a lead opens
 * the export. A plain number written as text (`-5`, `+1.5`) is data, not a formula, and stays as it is.
 */
const FORMULA_START = /^[=+\-@\t\uff1d\uff0b\uff0d\uff20]/;
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * One CSV field: RFC 4180 quoting (a field with a comma, a quote, CR or LF is quoted, quotes inside
 * doubled), absent values empty. Stored text is also made safe for the places a CSV goes: control
 * characters become visible as in the tables (`^[`, `\u{202e}`; a line break inside a field is kept, as
 * `\n`), so `--format csv` on a terminal cannot drive it, and a field a spreadsheet would evaluate as a
 * formula gets a leading `'` (OWASP's advice), which spreadsheets show as text. `--json` is the lossless form.
 */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (typeof value === 'string') {
    text = safeText(text, { keepNewlines: true, keepTabs: true });
    if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  }
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows of fields as RFC 4180 writes them: CRLF line ends, every field through csvField. */
export function csvLines(rows: readonly (readonly (string | number | boolean | null | undefined)[])[]): string {
  return `${rows.map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/**
 * CSV as RFC 4180 writes it, with a header row. The columns are the same ones the table shows, so
 * `--format csv` and the table never disagree.
 */
export function renderCsv<T>(rows: readonly T[], columns: Column<T>[]): string {
  return csvLines([columns.map((c) => c.header), ...rows.map((row) => columns.map((c) => c.value(row)))]);
}
