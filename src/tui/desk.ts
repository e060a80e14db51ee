import type { Actor } from '../core/access/permissions.js';
import type { Services } from '../core/services.js';
import type { Attachment } from '../core/tickets/attachments.js';
import type { TicketEvent } from '../core/tickets/get-ticket-history.js';
import type { TicketThread } from '../core/tickets/view-ticket.js';
import type { Ticket } from '../core/tickets/ticket.js';
import { countsOf, viewQuery, type Counts, type QueueTicket, type ViewId } from './views.js';

/** Everything the ticket pane shows. */
export interface TicketDetail {
  thread: TicketThread;
  history: TicketEvent[];
  attachments: Attachment[];
}

export interface QueuePage {
  tickets: QueueTicket[];
  /** More tickets match than were loaded. */
  hasMore: boolean;
}

/**
 * What the TUI needs from the desk: the same core use cases the CLI calls, bound to the logged-in
 * agent. Tests and the benchmark pass a fake or a desk over a test database.
 */
export interface TuiDesk {
  me: { id: string; email: string; role: string };
  queue(view: ViewId, filter: string, savedSearch: string | null): Promise<QueuePage>;
  counts(): Promise<Counts>;
  ticket(number: number): Promise<TicketDetail>;
  assign(number: number, agent: string): Promise<Ticket>;
  unassign(number: number): Promise<Ticket>;
  escalate(number: number, reason: string | null): Promise<Ticket>;
  close(number: number): Promise<Ticket>;
  reopen(number: number): Promise<Ticket>;
  /** Waiting on the customer: back to open on their next message (issue 11). */
  setPending(number: number): Promise<Ticket>;
  setPriority(number: number, priority: Ticket['priority']): Promise<Ticket>;
  changeTags(number: number, add: string[], remove: string[]): Promise<void>;
  setCategory(number: number, category: string | null): Promise<void>;
  reply(number: number, body: string): Promise<Ticket>;
  note(number: number, body: string): Promise<void>;
  logTime(number: number, minutes: number): Promise<void>;
  agents(): Promise<string[]>;
  categories(): Promise<string[]>;
}

export function serviceDesk(services: Services, actor: Actor): TuiDesk {
  const t = services.tickets;
  return {
    me: { id: actor.id, email: actor.email, role: actor.role },
    async queue(view, filter, savedSearch) {
      const page = await t.list(actor, viewQuery(view, filter, savedSearch));
      return { tickets: page.items, hasMore: page.nextCursor !== null };
    },
    counts: async () => countsOf(await t.queueCounts(actor)),
    async ticket(number) {
      const [thread, history, attachments] = await Promise.all([
        t.view(actor, { ticket: number }),
        t.history(actor, { ticket: number }),
        t.listAttachments(actor, { ticket: number }),
      ]);
      return { thread, history: history.items, attachments: attachments.items };
    },
    assign: (number, agent) => t.assign(actor, { ticket: number, agent }),
    unassign: (number) => t.unassign(actor, { ticket: number }),
    escalate: (number, reason) => t.escalate(actor, { ticket: number, reason }),
    close: (number) => t.close(actor, { ticket: number }),
    reopen: (number) => t.reopen(actor, { ticket: number }),
    setPending: (number) => t.setStatus(actor, { ticket: number, status: 'pending' }),
    setPriority: (number, priority) => t.setPriority(actor, { ticket: number, priority }),
    async changeTags(number, add, remove) {
      if (add.length) await t.addTags(actor, { ticket: number, tags: add });
      if (remove.length) await t.removeTags(actor, { ticket: number, tags: remove });
    },
    async setCategory(number, category) {
      await t.setCategory(actor, { ticket: number, category });
    },
    reply: async (number, body) => (await t.reply(actor, { ticket: number, body })).ticket,
    async note(number, body) {
      await t.note(actor, { ticket: number, body });
    },
    async logTime(number, minutes) {
      await t.logTime(actor, { ticket: number, minutes });
    },
    async agents() {
      // Only admins may list accounts; agents pick from the people already on tickets, or type an email.
      if (actor.role !== 'admin') return [actor.email];
      const users = await services.users.list(actor, { limit: 200 });
      return users.items.filter((u) => u.role !== 'customer' && !u.isDisabled).map((u) => u.email);
    },
    categories: async () => (await services.categories.list(actor)).items.map((c) => c.name),
  };
}
