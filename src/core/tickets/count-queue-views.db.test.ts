import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

describe('queue view counts', () => {
  it('given tickets in every state, when an agent asks, then each view counts its own tickets and the trash is left out', async () => {
    const [customer, ana, bo] = [await t.user('customer'), await t.user('agent'), await t.user('agent')];
    const open = async (subject: string) => (await t.services.tickets.create(customer, { subject, message: 'm' })).ticket.number;
    const [a, b, c, d, e] = [await open('a'), await open('b'), await open('c'), await open('d'), await open('e')];
    await open('f');
    await t.services.tickets.assign(ana, { ticket: a, agent: '@me' });
    await t.services.tickets.assign(bo, { ticket: b, agent: '@me' });
    await t.services.tickets.escalate(ana, { ticket: c });
    await t.services.tickets.close(ana, { ticket: d });
    await t.db.updateTable('tickets').set({ status: 'pending' }).where('number', '=', e).execute();
    await t.db.updateTable('tickets').set({ deleted_at: new Date() }).where('number', '=', d).execute();

    expect(await t.services.tickets.queueCounts(ana)).toEqual({ mine: 1, unassigned: 3, escalated: 1, open: 5, pending: 1 });
    expect((await t.services.tickets.queueCounts(bo)).mine).toBe(1);
    await expectCode(t.services.tickets.queueCounts(customer), 'FORBIDDEN');
  });
});
