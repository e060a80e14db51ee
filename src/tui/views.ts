import type { ListTicketsInput } from '../core/tickets/list-tickets.js';
import type { QueueViewCounts } from '../core/tickets/count-queue-views.js';
import type { Ticket } from '../core/tickets/ticket.js';

export type ViewId = 'mine' | 'unassigned' | 'escalated' | 'open' | 'pending' | 'saved';

export const VIEWS: { id: ViewId; title: string }[] = [
  { id: 'mine', title: 'Mine' },
  { id: 'unassigned', title: 'Unassigned' },
  { id: 'escalated', title: 'Escalated' },
  { id: 'open', title: 'All open' },
  { id: 'pending', title: 'Pending' },
  { id: 'saved', title: 'Saved' },
];

const NOT_CLOSED = 'open,pending,escalated,assigned';
/** How many rows a view loads; the tab shows the full count and the filter narrows the rest. */
export const VIEW_LIMIT = 100;

/** The core list query behind a view, with the filter typed after `/`. */
export function viewQuery(view: ViewId, filter: string, savedSearch: string | null): ListTicketsInput {
  const q = [view === 'saved' ? savedSearch : null, filter].map((s) => s?.trim()).filter(Boolean).join(' ').slice(0, 500) || undefined;
  const base: ListTicketsInput = { sort: 'priority', limit: VIEW_LIMIT, ...(q ? { q } : {}) };
  switch (view) {
    case 'mine':
      return { ...base, assignee: '@me', status: NOT_CLOSED };
    case 'unassigned':
      return { ...base, assignee: 'none', status: NOT_CLOSED };
    case 'escalated':
      return { ...base, status: 'escalated' };
    case 'open':
    case 'saved':
      return { ...base, status: NOT_CLOSED };
    case 'pending':
      return { ...base, status: 'pending' };
    default: {
      const unhandled: never = view;
      throw new Error(`unhandled view ${String(unhandled)}`);
    }
  }
}

export type Counts = Partial<Record<ViewId, number>>;
export const countsOf = (c: QueueViewCounts): Counts => ({ ...c });

/** A queue row: the ticket document, plus SLA state when the desk tracks SLAs. */
export type QueueTicket = Ticket;

const PRIORITY_RANK: Record<Ticket['priority'], number> = { urgent: 0, high: 1, medium: 2, low: 3 };

/** The due time of a ticket's SLA, when the desk has SLAs; null otherwise. */
export const dueAt = (t: QueueTicket): string | null => t.sla?.dueAt ?? null;

/** Most urgent first: the earliest SLA due time, then priority, then the oldest. */
export function byUrgency(a: QueueTicket, b: QueueTicket): number {
  const [da, db] = [dueAt(a), dueAt(b)];
  if (da !== db) {
    if (da === null) return 1;
    if (db === null) return -1;
    return da < db ? -1 : 1;
  }
  return PRIORITY_RANK[a.priority] - PRIORITY_RANK[b.priority] || a.createdAt.localeCompare(b.createdAt) || a.number - b.number;
}
