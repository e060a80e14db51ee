import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';

// Postgres only: PGlite runs one connection at a time, so nothing there truly races.
const t = useTestDatabase();

async function eventsOf(number: number) {
  return t.db
    .selectFrom('ticket_events as e')
    .innerJoin('tickets as t', 't.id', 'e.ticket_id')
    .select(['e.type', 'e.actor_id', 'e.data'])
    .where('t.number', '=', number)
    .orderBy('e.id')
    .execute();
}

describe('concurrent changes to one ticket (Postgres)', () => {
  it('two agents replying to and assigning the same ticket at once leave one first response, every event and a consistent chain', async () => {
    const [customer, ana, bo] = [await t.user('customer'), await t.user('agent'), await t.user('agent')];
    for (let round = 0; round < 8; round++) {
      const { ticket } = await t.services.tickets.create(customer, { subject: `Race ${round}`, message: 'help' });
      const results = await Promise.allSettled([
        t.services.tickets.reply(ana, { ticket: ticket.number, body: 'ana here' }),
        t.services.tickets.reply(bo, { ticket: ticket.number, body: 'bo here' }),
        t.services.tickets.assign(ana, { ticket: ticket.number, agent: '@me' }),
        t.services.tickets.assign(bo, { ticket: ticket.number, agent: '@me' }),
        t.services.tickets.setPriority(ana, { ticket: ticket.number, priority: 'high' }),
        t.services.tickets.setPriority(bo, { ticket: ticket.number, priority: 'urgent' }),
      ]);
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);

      const row = await t.db.selectFrom('tickets').selectAll().where('number', '=', ticket.number).executeTakeFirstOrThrow();
      const events = await eventsOf(ticket.number);
      const types = events.map((e) => e.type);
      expect(types.filter((x) => x === 'ticket.first_response')).toHaveLength(1);
      expect(row.first_response_at).not.toBeNull();
      expect(types.filter((x) => x === 'ticket.message_added')).toHaveLength(3); // the customer's and both agents'
      const agentMessages = await t.db.selectFrom('messages').select('author_id').where('ticket_id', '=', row.id).where('kind', '=', 'agent').execute();
      expect(agentMessages.map((m) => m.author_id).sort()).toEqual([ana.id, bo.id].sort());

      // Every assignment event starts from the state the previous one left: nothing was overwritten unseen.
      const assignments = events.filter((e) => e.type === 'ticket.assigned').map((e) => e.data as { before: { assigneeId: string | null }; after: { assigneeId: string } });
      expect(assignments.length).toBeGreaterThanOrEqual(1);
      expect(assignments[0]!.before.assigneeId).toBeNull();
      for (let i = 1; i < assignments.length; i++) expect(assignments[i]!.before.assigneeId).toBe(assignments[i - 1]!.after.assigneeId);
      expect(row.assignee_id).toBe(assignments.at(-1)!.after.assigneeId);
      expect(row.status).toBe('assigned');

      const priorities = events.filter((e) => e.type === 'ticket.priority_changed').map((e) => e.data as { before: { priority: string }; after: { priority: string } });
      expect(priorities).toHaveLength(2);
      expect(priorities[0]!.before.priority).toBe('medium');
      expect(priorities[1]!.before.priority).toBe(priorities[0]!.after.priority);
      expect(row.priority).toBe(priorities[1]!.after.priority);
    }
  });

  it('50 parallel creates get unique, gap-free numbers', async () => {
    const customers = await Promise.all(Array.from({ length: 5 }, () => t.user('customer')));
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => t.services.tickets.create(customers[i % 5]!, { subject: `Parallel ${i}`, message: `message ${i}` })),
    );
    const numbers = results.map((r) => r.ticket.number);
    expect(results.every((r) => r.created)).toBe(true);
    expect(new Set(numbers).size).toBe(50);
    expect(Math.max(...numbers) - Math.min(...numbers) + 1).toBe(50);
  });

  it('the same message sent twice at once by one customer opens one ticket', async () => {
    const customer = await t.user('customer');
    const results = await Promise.all(Array.from({ length: 6 }, () => t.services.tickets.create(customer, { subject: 'Double click', message: 'once' })));
    expect(new Set(results.map((r) => r.ticket.number)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
  });
});
