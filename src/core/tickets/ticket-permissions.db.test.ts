import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import type { Actor } from '../access/permissions.js';
import type { NexusError } from '../errors.js';
import type { Services } from '../services.js';
import { eventTypes, expectCode, openTicket } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

type Action = (s: Services['tickets'], actor: Actor, ticket: number) => Promise<unknown>;

// Every lifecycle action that names a ticket.
const ACTIONS: Record<string, Action> = {
  view: (s, a, ticket) => s.view(a, { ticket }),
  reply: (s, a, ticket) => s.reply(a, { ticket, body: 'hi' }),
  note: (s, a, ticket) => s.note(a, { ticket, body: 'hi' }),
  assign: (s, a, ticket) => s.assign(a, { ticket, agent: 'agent@example.com' }),
  unassign: (s, a, ticket) => s.unassign(a, { ticket }),
  escalate: (s, a, ticket) => s.escalate(a, { ticket }),
  close: (s, a, ticket) => s.close(a, { ticket }),
  reopen: (s, a, ticket) => s.reopen(a, { ticket }),
  setPriority: (s, a, ticket) => s.setPriority(a, { ticket, priority: 'high' }),
  history: (s, a, ticket) => s.history(a, { ticket }),
};
const STAFF_ONLY = ['note', 'assign', 'unassign', 'reopen', 'setPriority', 'history'];
const CUSTOMER_ALLOWED = Object.keys(ACTIONS).filter((name) => !STAFF_ONLY.includes(name));

describe('ticket permissions for customers', () => {
  it.each(CUSTOMER_ALLOWED)('%s on another customer\'s ticket is NOT_FOUND, word for word like a missing number', async (name) => {
    const [ana, bo] = [await t.user('customer'), await t.user('customer')];
    await t.user('agent', 'agent@example.com');
    const ticket = await openTicket(t, ana);
    const before = await t.db.selectFrom('ticket_events').select('id').execute();
    const theirs = await expectCode(ACTIONS[name]!(t.services.tickets, bo, ticket.number), 'NOT_FOUND');
    const missing = await expectCode(ACTIONS[name]!(t.services.tickets, bo, 1999), 'NOT_FOUND');
    expect(theirs.message.replace(String(ticket.number), 'N')).toBe(missing.message.replace('1999', 'N'));
    expect(theirs.hint).toBe(missing.hint);
    expect(await t.db.selectFrom('ticket_events').select('id').execute()).toHaveLength(before.length);
  });

  it.each(STAFF_ONLY)('%s is NOT_FOUND to a customer, byte-identical for their own, another\'s and a missing ticket', async (name) => {
    const [ana, bo] = [await t.user('customer'), await t.user('customer')];
    await t.user('agent', 'agent@example.com');
    const ticket = await openTicket(t, ana);
    const before = await t.db.selectFrom('ticket_events').select('id').execute();
    const own = await expectCode(ACTIONS[name]!(t.services.tickets, ana, ticket.number), 'NOT_FOUND');
    const theirs = await expectCode(ACTIONS[name]!(t.services.tickets, bo, ticket.number), 'NOT_FOUND');
    const missing = await expectCode(ACTIONS[name]!(t.services.tickets, bo, 1999), 'NOT_FOUND');
    // The same ticket number answers the same bytes to its owner and to a stranger ...
    const answer = (e: NexusError, n: number) => ({ code: e.code, message: e.message.replace(String(n), 'N'), hint: e.hint, details: e.details });
    expect(answer(own, ticket.number)).toEqual(answer(theirs, ticket.number));
    // ... and, but for the number, the bytes of a number that does not exist.
    expect(answer(own, ticket.number)).toEqual(answer(missing, 1999));
    expect(own.message).toBe(`Ticket #${ticket.number} not found`);
    expect(await t.db.selectFrom('ticket_events').select('id').execute()).toHaveLength(before.length);
  });

  it('stats, tag/category filters and opening for someone else are FORBIDDEN to customers', async () => {
    const ana = await t.user('customer');
    await expectCode(t.services.tickets.stats(ana), 'FORBIDDEN');
    await expectCode(t.services.tickets.list(ana, { tag: 'vip' }), 'FORBIDDEN');
    await expectCode(t.services.tickets.create(ana, { subject: 's', message: 'm', customerEmail: 'bo@example.com' }), 'FORBIDDEN');
  });

  it.each(['agent', 'admin'] as const)('a %s may do every lifecycle action on any ticket', async (role) => {
    const [ana, staff] = [await t.user('customer'), await t.user(role)];
    const assignee = await t.user('agent', 'agent@example.com');
    const ticket = await openTicket(t, ana);
    const run = (name: string) => ACTIONS[name]!(t.services.tickets, staff, ticket.number);
    const state = () =>
      t.db.selectFrom('tickets').select(['status', 'priority', 'assignee_id']).where('number', '=', ticket.number).executeTakeFirstOrThrow();
    const messages = async () =>
      (await t.db.selectFrom('messages as m').innerJoin('tickets as t', 't.id', 'm.ticket_id').select(['m.kind', 'm.body']).where('t.number', '=', ticket.number).execute()).map((m) => `${m.kind}:${m.body}`);

    expect(await run('view')).toMatchObject({ ticket: { number: ticket.number, subject: ticket.subject } });
    await run('reply');
    await run('note');
    expect(await messages()).toEqual(expect.arrayContaining(['agent:hi', 'internal:hi']));
    await run('assign');
    expect((await state()).assignee_id).toBe(assignee.id);
    await run('unassign');
    expect((await state()).assignee_id).toBeNull();
    await run('escalate');
    expect((await state()).status).toBe('escalated');
    await run('setPriority');
    expect((await state()).priority).toBe('high');
    await run('close');
    expect((await state()).status).toBe('closed');
    await run('reopen');
    expect((await state()).status).not.toBe('closed');
    const recorded = await eventTypes(t, ticket.number);
    expect(recorded).toEqual(expect.arrayContaining(['ticket.note_added', 'ticket.assigned', 'ticket.unassigned', 'ticket.escalated', 'ticket.priority_changed', 'ticket.closed', 'ticket.reopened']));
    const history = (await run('history')) as { items: { type: string }[] };
    expect(history.items.map((e) => e.type).sort()).toEqual([...recorded].sort());
  });
});
