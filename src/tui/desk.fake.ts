import { NexusError } from '../core/errors.js';
import type { Ticket } from '../core/tickets/ticket.js';
import type { TicketDetail, TuiDesk } from './desk.js';
import type { QueueTicket, ViewId } from './views.js';

const person = (email: string) => ({ id: `id-${email}`, email, name: '' });

/** A ticket document for tests; `n` is the number, everything else can be overridden. */
export function fakeTicket(n: number, overrides: Partial<QueueTicket> = {}): QueueTicket {
  const at = new Date(Date.UTC(2026, 10, 30, 9, 0, 0) + n * 60_000).toISOString();
  return {
    number: n,
    subject: `Ticket ${n}`,
    context: null,
    status: 'open',
    priority: 'medium',
    source: 'web',
    customer: person(`customer${n}@example.com`),
    assignee: null,
    aiEnabled: true,
    createdAt: at,
    updatedAt: at,
    firstResponseAt: null,
    lastResponseAt: null,
    resolvedAt: null,
    deletedAt: null,
    sla: null,
    ...overrides,
  };
}

/**
 * An in-memory desk: a list of tickets, calls recorded, and failures on demand (`failNext`), so
 * tests can watch optimistic changes settle or roll back.
 */
export class FakeDesk implements TuiDesk {
  me = { id: 'id-ana@example.com', email: 'ana@example.com', role: 'agent' };
  calls: string[] = [];
  failNext: string | null = null;
  detail: Partial<TicketDetail> = {};
  private pendingGates: (() => void)[] = [];
  gate = false;

  constructor(public tickets: QueueTicket[]) {}

  private async change(call: string, number: number, patch: Partial<Ticket>): Promise<Ticket> {
    this.calls.push(call);
    if (this.gate) await new Promise<void>((resolve) => this.pendingGates.push(resolve));
    if (this.failNext) {
      const message = this.failNext;
      this.failNext = null;
      throw new NexusError('CONFLICT', message);
    }
    const index = this.tickets.findIndex((t) => t.number === number);
    if (index < 0) throw new NexusError('NOT_FOUND', `Ticket #${number} not found`);
    this.tickets[index] = { ...this.tickets[index]!, ...patch };
    return this.tickets[index]!;
  }

  /** Lets gated calls finish. */
  release(): void {
    for (const resolve of this.pendingGates.splice(0)) resolve();
  }

  async queue(view: ViewId, filter: string) {
    const q = filter.trim().toLowerCase();
    const match = (t: QueueTicket) =>
      (!q || t.subject.toLowerCase().includes(q)) &&
      (view === 'mine' ? t.assignee?.email === this.me.email && t.status !== 'closed'
        : view === 'unassigned' ? !t.assignee && t.status !== 'closed'
        : view === 'escalated' ? t.status === 'escalated'
        : view === 'pending' ? t.status === 'pending'
        : t.status !== 'closed');
    return { tickets: this.tickets.filter(match), hasMore: false };
  }

  async counts() {
    const open = this.tickets.filter((t) => t.status !== 'closed');
    return {
      mine: open.filter((t) => t.assignee?.email === this.me.email).length,
      unassigned: open.filter((t) => !t.assignee).length,
      escalated: open.filter((t) => t.status === 'escalated').length,
      open: open.length,
      pending: open.filter((t) => t.status === 'pending').length,
    };
  }

  async ticket(number: number): Promise<TicketDetail> {
    const ticket = this.tickets.find((t) => t.number === number);
    if (!ticket) throw new NexusError('NOT_FOUND', `Ticket #${number} not found`);
    return {
      thread: { ticket, messages: [], work: { tags: [], category: null, time: { totalMinutes: 0, billableMinutes: 0 } } },
      history: [],
      attachments: [],
      ...this.detail,
    };
  }

  assign = (n: number, agent: string) => this.change(`assign ${n} ${agent}`, n, { assignee: person(agent === '@me' ? this.me.email : agent), status: 'assigned' });
  unassign = (n: number) => this.change(`unassign ${n}`, n, { assignee: null, status: 'open' });
  escalate = (n: number, reason: string | null) => this.change(`escalate ${n} ${reason ?? ''}`.trim(), n, { status: 'escalated', assignee: null });
  close = (n: number) => this.change(`close ${n}`, n, { status: 'closed' });
  reopen = (n: number) => this.change(`reopen ${n}`, n, { status: 'open' });
  setPending = (n: number) => this.change(`pending ${n}`, n, { status: 'pending' });
  setPriority = (n: number, priority: Ticket['priority']) => this.change(`priority ${n} ${priority}`, n, { priority });
  changeTags = async (n: number, add: string[], remove: string[]) => void (await this.change(`tags ${n} +${add.join(',')} -${remove.join(',')}`, n, {}));
  setCategory = async (n: number, category: string | null) => void (await this.change(`category ${n} ${category}`, n, {}));
  reply = (n: number, body: string) => this.change(`reply ${n} ${JSON.stringify(body)}`, n, {});
  note = async (n: number, body: string) => void (await this.change(`note ${n} ${JSON.stringify(body)}`, n, {}));
  logTime = async (n: number, minutes: number) => void (await this.change(`time ${n} ${minutes}`, n, {}));
  agents = async () => [this.me.email, 'bo@example.com'];
  categories = async () => ['Billing', 'Bugs'];
}
