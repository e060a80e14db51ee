import type { TicketEvent } from '../../core/tickets/get-ticket-history.js';
import type { Message, Ticket } from '../../core/tickets/ticket.js';
import { NexusError } from '../../core/errors.js';
import { renderFields, renderTable, safe, type Column } from '../output.js';
import { formatTime } from '../time-format.js';
import { eventSentence } from './history-sentences.js';

/** A ticket argument as people type it: `1042` or `#1042`. Anything else is a usage error (exit 2). */
export function ticketNumber(arg: string): number {
  const match = /^#?(\d{1,10})$/.exec(arg.trim());
  const number = match ? Number(match[1]) : NaN;
  if (!Number.isSafeInteger(number) || number <= 0 || number > 2_147_483_647) {
    throw new NexusError('INVALID_USAGE', `"${arg}" is not a ticket number`, { hint: 'Pass the number shown by `nexus tickets list`, e.g. 1042 or #1042.' });
  }
  return number;
}

const who = (p: { email: string | null; name: string | null } | null): string => (p ? (p.email ?? p.name ?? '-') : '-');
const when = (iso: string | null): string => formatTime(iso);

/** Staff's view of how a ticket is filed and the time spent on it (`tickets view`). */
export interface TicketWork {
  tags: string[];
  category: string | null;
  time: { totalMinutes: number; billableMinutes: number };
}

export const ticketFields = (t: Ticket, work?: TicketWork): string =>
  renderFields([
    ['ticket', `#${t.number}`],
    ['subject', t.subject],
    ['status', t.status],
    ['priority', t.priority],
    ['customer', who(t.customer)],
    ['assignee', who(t.assignee)],
    ['context', t.context],
    ['source', t.source],
    ['created', when(t.createdAt)],
    ['updated', when(t.updatedAt)],
    ['first response', when(t.firstResponseAt)],
    ['resolved', when(t.resolvedAt)],
    ['sla', t.sla ? `${t.sla.state}${t.sla.dueAt ? `, due ${when(t.sla.dueAt)}` : ''}` : null],
    ...(t.deletedAt ? ([['deleted', when(t.deletedAt)]] as [string, string][]) : []),
    ...(work
      ? ([
          ['tags', work.tags.join(', ') || null],
          ['category', work.category],
          ['time', `${work.time.totalMinutes} min (${work.time.billableMinutes} billable)`],
        ] as [string, string | null][])
      : []),
  ]);

/** The columns of a ticket list, for the table and `--format csv` alike. */
export const TICKET_COLUMNS: Column<Ticket>[] = [
  { header: 'ticket', value: (t) => `#${t.number}` },
  { header: 'status', value: (t) => t.status },
  { header: 'priority', value: (t) => t.priority },
  { header: 'subject', value: (t) => t.subject },
  { header: 'customer', value: (t) => who(t.customer) },
  { header: 'assignee', value: (t) => (t.assignee ? who(t.assignee) : null) },
  { header: 'updated', value: (t) => when(t.updatedAt) },
];

export const ticketsTable = (tickets: Ticket[], width?: number): string => (tickets.length === 0 ? 'No tickets match.' : renderTable(tickets, TICKET_COLUMNS, width));

const KIND_LABEL: Record<Message['kind'], string> = { customer: 'customer', agent: 'agent', ai: 'AI', system: 'system', internal: 'internal note' };

export const messageBlock = (m: Message): string =>
  `── ${KIND_LABEL[m.kind]}${m.author ? ` · ${safe(m.author.email ?? m.author.name ?? '')}` : ''}${m.visibleToCustomer ? '' : ' · staff only'} · ${when(m.createdAt)}\n${safe(m.body, { multiline: true })}`;

export const EVENT_COLUMNS: Column<TicketEvent>[] = [
  { header: 'time', value: (e) => when(e.createdAt) },
  { header: 'by', value: (e) => e.actor?.email ?? 'system' },
  { header: 'what', value: (e) => eventSentence(e) },
];
