import { Option, type Command } from 'commander';
import type { Page } from '../core/documents.js';
import { NexusError } from '../core/errors.js';
import type { CliContext } from './context.js';
import { renderCsv } from './csv.js';
import { note, present, renderTable, type Column } from './output.js';

export interface ListFlags {
  json?: boolean;
  all?: boolean;
  cursor?: string;
  format?: 'table' | 'csv' | 'json';
}

/** The list flags every list command shares: `--json`, `--format`, `--cursor`, `--all`. */
export function withListOptions(command: Command, what: string, options: { paged?: boolean } = {}): Command {
  command
    .option('--json', `print {"items": [...], "nextCursor": ...} (the ${what}) as JSON`)
    .addOption(new Option('--format <format>', 'table (default on a terminal), csv (RFC 4180) or json').choices(['table', 'csv', 'json']));
  if (options.paged) {
    command.option('--cursor <cursor>', 'the nextCursor of the previous page').option('--all', 'fetch every page (the JSON has nextCursor null)');
  }
  return command;
}

/** The one format a list prints in: `--json` is `--format json`. */
export function listFormat(flags: ListFlags): 'table' | 'csv' | 'json' {
  if (flags.json && flags.format && flags.format !== 'json') {
    throw new NexusError('INVALID_USAGE', `--json and --format ${flags.format} ask for two formats`, { hint: 'Give one of them.' });
  }
  return flags.json ? 'json' : (flags.format ?? 'table');
}

/** Fetches one page, or every page under `--all`. */
export async function fetchList<T>(flags: ListFlags, fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<Page<T>> {
  let page = await fetch(flags.cursor);
  if (!flags.all) return page;
  const items = [...page.items];
  while (page.nextCursor) {
    page = await fetch(page.nextCursor);
    items.push(...page.items);
  }
  return { items, nextCursor: null };
}

/**
 * Prints a list page: the envelope under `--json`, CSV under `--format csv` (the table's columns), or
 * the table with a note on stderr when there are more pages.
 */
export function presentList<T>(
  ctx: CliContext,
  flags: ListFlags,
  page: Page<T>,
  view: { columns: Column<T>[]; empty: string; human?: (table: string) => string; paintRow?: (line: string, row: T) => string },
): void {
  const format = listFormat(flags);
  if (format === 'csv') {
    ctx.io.stdout.write(renderCsv(page.items, view.columns));
    return;
  }
  const width = ctx.io.stdout.isTTY ? ctx.io.stdout.columns : undefined;
  const table = (p: Page<T>) => {
    let text = p.items.length === 0 ? view.empty : renderTable(p.items, view.columns, width);
    if (view.paintRow && p.items.length > 0) {
      const [header, ...rows] = text.split('\n');
      text = [header, ...rows.map((line, i) => view.paintRow!(line, p.items[i]!))].join('\n');
    }
    return view.human ? view.human(text) : text;
  };
  present(ctx, { json: format === 'json' }, page, table);
  if (format === 'table' && page.nextCursor) note(ctx, `More: add --cursor ${page.nextCursor}, or --all for every page`);
}
