import { cellWidth, padCells, safeLine, safeText } from '../core/text/terminal-safe.js';
import type { Token } from './theme.js';
import { dueAt, type QueueTicket } from './views.js';

export type ColumnKey = 'number' | 'priority' | 'status' | 'subject' | 'customer' | 'assignee' | 'age' | 'due';

export interface QueueColumn {
  key: ColumnKey;
  header: string;
  width: number;
  align?: 'right';
}

const FIXED: QueueColumn[] = [
  { key: 'number', header: '#', width: 6 },
  { key: 'priority', header: 'PRIO', width: 6 },
  { key: 'status', header: 'STATUS', width: 9 },
];
const TAIL: QueueColumn[] = [
  { key: 'age', header: 'AGE', width: 4, align: 'right' },
  { key: 'due', header: 'DUE', width: 5, align: 'right' },
];

/**
 * The queue's columns for a terminal `width` cells wide: fixed columns keep their width, the subject
 * takes what is left; assignee, then customer, are dropped when the terminal is too narrow.
 */
export function queueColumns(width: number): QueueColumn[] {
  const gap = 1;
  const fixed = [...FIXED, ...TAIL];
  const base = fixed.reduce((n, c) => n + c.width + gap, 0);
  let room = width - base - 1; // the selection marker
  const columns: QueueColumn[] = [...FIXED];
  const customer = Math.min(24, Math.max(12, Math.floor(room * 0.28)));
  const assignee = Math.min(20, Math.max(10, Math.floor(room * 0.2)));
  const wantCustomer = room - (customer + gap) >= 20;
  const wantAssignee = wantCustomer && room - (customer + gap) - (assignee + gap) >= 24;
  if (wantCustomer) room -= customer + gap;
  if (wantAssignee) room -= assignee + gap;
  columns.push({ key: 'subject', header: 'SUBJECT', width: Math.max(8, room - gap) });
  if (wantCustomer) columns.push({ key: 'customer', header: 'CUSTOMER', width: customer });
  if (wantAssignee) columns.push({ key: 'assignee', header: 'ASSIGNEE', width: assignee });
  return [...columns, ...TAIL];
}

/** `3d`, `5h`, `12m`: how long ago (or, negative, how far ahead). */
export function shortDuration(ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  const text = minutes < 60 ? `${minutes}m` : minutes < 48 * 60 ? `${Math.floor(minutes / 60)}h` : `${Math.floor(minutes / 1440)}d`;
  return ms < 0 ? `-${text}` : text;
}

/** The text of one cell, terminal-safe and cut to the column. */
export function cellText(t: QueueTicket, column: QueueColumn, now: number): string {
  const raw = (() => {
    switch (column.key) {
      case 'number':
        return `#${t.number}`;
      case 'priority':
        return t.priority;
      case 'status':
        return t.status;
      case 'subject':
        return t.subject;
      case 'customer':
        return t.customer.name || t.customer.email || '-';
      case 'assignee':
        return t.assignee ? t.assignee.name || t.assignee.email || '-' : '-';
      case 'age':
        return shortDuration(Math.max(0, now - Date.parse(t.createdAt)));
      case 'due': {
        const due = dueAt(t);
        if (!due) return '-';
        const left = Date.parse(due) - now;
        return left <= 0 ? 'late' : shortDuration(left);
      }
      default: {
        const unhandled: never = column.key;
        throw new Error(`unhandled column ${String(unhandled)}`);
      }
    }
  })();
  return padCells(safeLine(raw), column.width, column.align);
}

/** The colour token of a cell, if it has one. */
export function cellToken(t: QueueTicket, key: ColumnKey, now: number): Token | undefined {
  if (key === 'priority') return `priority.${t.priority}`;
  if (key === 'status') return `status.${t.status}`;
  if (key === 'due') {
    const due = dueAt(t);
    if (!due) return undefined;
    const left = Date.parse(due) - now;
    return left <= 0 || t.sla?.state === 'breached' ? 'sla.breached' : left < 3_600_000 ? 'sla.soon' : undefined;
  }
  return undefined;
}

const segmenter = new Intl.Segmenter();

/**
 * Wraps stored text to `width` cells: made terminal-safe first (newlines kept, tabs expanded), then
 * broken at spaces, or inside a word longer than the line.
 */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  const safe = safeText(text, { keepNewlines: true, keepTabs: true }).replace(/\t/g, '    ');
  for (const paragraph of safe.split('\n')) {
    let line = '';
    let used = 0;
    for (const word of paragraph.split(/(?<= )/)) {
      const w = cellWidth(word);
      if (used + w <= width) {
        line += word;
        used += w;
        continue;
      }
      if (line) lines.push(line.trimEnd());
      line = '';
      used = 0;
      for (const { segment } of segmenter.segment(word)) {
        const sw = cellWidth(segment);
        if (used + sw > width && line) {
          lines.push(line);
          line = '';
          used = 0;
        }
        line += segment;
        used += sw;
      }
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
