import type { TicketEvent } from '../../core/tickets/get-ticket-history.js';

type Data = Record<string, unknown>;
const obj = (v: unknown): Data => (v && typeof v === 'object' ? (v as Data) : {});
const str = (v: unknown): string => (v === null || v === undefined || v === '' ? 'none' : String(v));
const move = (d: Data, key: string) => `${str(obj(d.before)[key])} → ${str(obj(d.after)[key])}`;

/** One history entry as a sentence people read: "open → assigned, assignee ana@example.com". */
export function eventSentence(event: TicketEvent): string {
  const d = event.data;
  switch (event.type) {
    case 'ticket.created':
      return `opened (priority ${str(d.priority)}, via ${str(d.source)})`;
    case 'ticket.assigned':
      return `${move(d, 'status')}, assignee ${str(d.assigneeEmail ?? (d.reason === 'claimed_by_reply' ? 'claimed by replying' : obj(d.after).assigneeId))}`;
    case 'ticket.unassigned':
      return `${move(d, 'status')}, unassigned`;
    case 'ticket.escalated':
      return `${obj(d.before).status ? move(d, 'status') : 'escalated'}${d.by === 'ai' ? ' by the AI' : ''}${d.reason ? `, reason: ${str(d.reason)}` : ''}`;
    case 'ai.handed_off':
      return `handed to a human by the AI, reason: ${str(d.reason)}`;
    case 'ticket.closed':
    case 'ticket.reopened':
    case 'ticket.status_changed':
      return `${move(d, 'status')}${d.reason ? ` (${String(d.reason).replaceAll('_', ' ')})` : ''}`;
    case 'ticket.edited': {
      const [before, after] = [obj(d.before), obj(d.after)];
      const changes = [...(before.subject !== after.subject ? [`subject ${move(d, 'subject')}`] : []), ...(before.customerId !== after.customerId ? ['customer changed'] : [])];
      return `edited: ${changes.join(', ')}`;
    }
    case 'ticket.priority_changed':
      return `priority ${move(d, 'priority')}`;
    case 'ticket.message_added':
      return `${str(d.kind)} message added`;
    case 'ticket.note_added':
      return 'internal note added';
    case 'ticket.first_response':
      return 'first response';
    case 'ticket.tags_added':
      return `tagged ${(d.tags as string[] | undefined)?.join(', ') ?? ''}`;
    case 'ticket.tags_removed':
      return `untagged ${(d.tags as string[] | undefined)?.join(', ') ?? ''}`;
    case 'ticket.category_changed':
      return `category ${str(d.from)} → ${str(d.to)}`;
    case 'ticket.time_logged':
      return `logged ${str(d.minutes)} min of ${str(d.type)}${d.billable ? ' (billable)' : ''}`;
    case 'ticket.attachment_added':
      return `attached ${str(d.filename)}`;
    case 'ticket.attachment_deleted':
      return `removed attachment ${str(d.filename)}`;
    case 'ticket.message_rated':
      return `AI answer rated ${str(d.rating)}/5`;
    case 'ticket.deleted':
      return 'moved to the trash';
    case 'ticket.restored':
      return 'restored from the trash';
    default:
      return event.type.replace(/^ticket\./, '').replaceAll('_', ' ');
  }
}
