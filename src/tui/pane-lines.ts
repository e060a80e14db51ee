import type { Message } from '../core/tickets/ticket.js';
import { safeLine } from '../core/text/terminal-safe.js';
import type { TicketDetail } from './desk.js';
import { shortDuration, wrapText } from './layout.js';
import type { Token } from './theme.js';
import { dueAt, type QueueTicket } from './views.js';

/** One line of the ticket pane. Text is already terminal-safe and fits the width. */
export interface PaneLine {
  text: string;
  token?: Token;
  bold?: boolean;
}

const KIND: Record<Message['kind'], { label: string; token: Token }> = {
  customer: { label: 'CUSTOMER', token: 'message.customer' },
  agent: { label: 'AGENT', token: 'message.agent' },
  ai: { label: 'AI', token: 'message.ai' },
  internal: { label: 'INTERNAL NOTE', token: 'message.internal' },
  system: { label: 'SYSTEM', token: 'message.system' },
};

const when = (iso: string): string => iso.replace('T', ' ').slice(0, 16);

/** AI confidence per message id, from the `ai.replied` events of the history. */
function confidences(detail: TicketDetail): Map<string, number> {
  const map = new Map<string, number>();
  for (const e of detail.history) {
    if (e.type === 'ai.replied' && typeof e.data.messageId === 'string' && typeof e.data.confidence === 'number') map.set(e.data.messageId, e.data.confidence);
  }
  return map;
}

/** The fixed top of the pane: what the ticket is and how it is filed. */
export function paneHeader(detail: TicketDetail, width: number, now: number): PaneLine[] {
  const t: QueueTicket = detail.thread.ticket;
  const work = detail.thread.work;
  const due = dueAt(t);
  const sla = due ? `${t.sla?.state ? `${t.sla.state}, ` : ''}due ${when(due)} (${Date.parse(due) <= now ? 'late' : `in ${shortDuration(Date.parse(due) - now)}`})` : 'none';
  const fit = (s: string) => wrapText(s, width)[0] ?? '';
  const files = detail.attachments.map((a) => `${a.filename} (${a.sizeBytes} B)`).join(', ');
  return [
    { text: fit(`#${t.number} ${safeLine(t.subject)}`), bold: true },
    { text: fit(`${t.status} · ${t.priority} · customer ${t.customer.name ? `${t.customer.name} <${t.customer.email}>` : t.customer.email} · assignee ${t.assignee?.email ?? '-'}`) },
    { text: fit(`tags ${work?.tags.length ? work.tags.join(', ') : '-'} · category ${work?.category ?? '-'} · SLA ${sla}`), token: due && Date.parse(due) <= now ? 'sla.breached' : undefined },
    { text: fit(`attachments ${files || '-'}`), token: 'ui.muted' },
  ];
}

/** The scrollable body: the thread (each kind labelled and coloured), or the history of changes. */
export function paneBody(detail: TicketDetail, width: number, showHistory: boolean): PaneLine[] {
  const lines: PaneLine[] = [];
  if (showHistory) {
    lines.push({ text: 'HISTORY (H: back to the thread)', bold: true });
    for (const e of detail.history) {
      const data = Object.keys(e.data).length ? ` ${JSON.stringify(e.data)}` : '';
      for (const text of wrapText(`${when(e.createdAt)} ${e.type} by ${e.actor?.email ?? 'system'}${data}`, width)) lines.push({ text, token: 'ui.muted' });
    }
    return lines;
  }
  const confidence = confidences(detail);
  for (const m of detail.thread.messages) {
    const kind = KIND[m.kind];
    const score = m.kind === 'ai' && confidence.has(m.id) ? ` · confidence ${confidence.get(m.id)!.toFixed(2)}` : '';
    const header = `── ${kind.label}${m.author ? ` · ${m.author.email}` : ''} · ${when(m.createdAt)}${score} `;
    lines.push({ text: wrapText(header, width)[0] ?? '', token: kind.token, bold: true });
    for (const text of wrapText(m.body, width - 2)) lines.push({ text: `${m.kind === 'internal' ? '┃ ' : '  '}${text}`, token: m.kind === 'internal' ? 'message.internal' : undefined });
    lines.push({ text: '' });
  }
  if (detail.thread.messages.length === 0) lines.push({ text: 'No messages.', token: 'ui.muted' });
  return lines;
}
