import { NexusError } from '../errors.js';

export const TICKET_SORTS = ['-created', 'created', '-updated', 'priority', 'number', 'relevance', 'due'] as const;
export type TicketSort = (typeof TICKET_SORTS)[number];

/** Where the previous page ended: the sort it belongs to, that sort's key (as Postgres text) and the number. */
export interface TicketCursor {
  sort: TicketSort;
  key: string | null;
  number: number;
}

/** Opaque to clients: base64url of a small JSON document. */
export function encodeCursor(cursor: TicketCursor): string {
  return Buffer.from(JSON.stringify({ s: cursor.sort, k: cursor.key, n: cursor.number }), 'utf8').toString('base64url');
}

const invalid = (why: string) =>
  new NexusError('VALIDATION_FAILED', `Invalid input — cursor: ${why}`, {
    details: [{ path: 'cursor', message: why }],
    hint: 'Pass the nextCursor of the previous page unchanged, with the same sort.',
  });

export function decodeCursor(text: string, sort: TicketSort): TicketCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid('is not a cursor returned by this list');
  }
  const value = parsed as { s?: unknown; k?: unknown; n?: unknown };
  if (
    typeof value !== 'object' ||
    value === null ||
    !TICKET_SORTS.includes(value.s as TicketSort) ||
    !(typeof value.k === 'string' || value.k === null) ||
    typeof value.n !== 'number' ||
    !Number.isSafeInteger(value.n)
  ) {
    throw invalid('is not a cursor returned by this list');
  }
  if (value.s !== sort) throw invalid(`belongs to the sort ${String(value.s)}, not ${sort}`);
  if (value.k === null && sort !== 'number') throw invalid('is not a cursor returned by this list');
  return { sort, key: value.k, number: value.n };
}
