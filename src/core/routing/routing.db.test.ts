import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { expectCode } from '../../../test/support/tickets-kit.js';

const t = useTestDatabase();

async function desk() {
  const admin = await t.user('admin');
  const [ana, bo] = [await t.user('agent', 'ana@desk.test'), await t.user('agent', 'bo@desk.test')];
  await t.services.tags.create(admin, { name: 'billing' });
  await t.services.groups.create(admin, { name: 'Tier 1', members: ['ana@desk.test', 'bo@desk.test'] });
  await t.services.routing.rules.create(admin, { name: 'Refunds', conditions: { keywords: ['refund', 'invoice'] }, actions: { setPriority: 'high', addTags: ['billing'], group: 'Tier 1' } });
  return { admin, ana, bo };
}

describe('routing rules on new tickets', () => {
  it.each(['api', 'cli', 'email', 'web'] as const)('Given a matching ticket from %s, the rule fires and every action is in the history with the rule and conditions', async (source) => {
    const { ana, admin } = await desk();
    const customer = await t.user('customer');
    const { ticket } = await t.services.tickets.create(customer, { subject: 'Refund please', message: 'Charged twice', source });
    // The customer's own answer names staff by name only (issue 8); staff see the email.
    expect(ticket).toMatchObject({ priority: 'high', status: 'assigned', assignee: { id: ana.id, email: null } });
    expect(await t.services.tickets.get(admin, { ticket: ticket.number })).toMatchObject({ assignee: { email: ana.email } });
    const history = await t.services.tickets.history(admin, { ticket: ticket.number });
    const routing = history.items.filter((e) => e.type === 'routing.applied').map((e) => e.data);
    expect(routing.map((d) => d.action)).toEqual(['set_priority', 'add_tags', 'assign_round_robin']);
    expect(routing[0]).toMatchObject({ rule: 'Refunds', matched: [{ field: 'keywords', value: 'refund' }] });
    const view = await t.services.tickets.view(admin, { ticket: ticket.number });
    expect(view.work?.tags).toEqual(['billing']);
  });

  it('a ticket no rule matches is left alone', async () => {
    await desk();
    const customer = await t.user('customer');
    const { ticket } = await t.services.tickets.create(customer, { subject: 'Hello', message: 'Just saying hi' });
    expect(ticket).toMatchObject({ priority: 'medium', status: 'open', assignee: null });
  });

  it('routing test shows what would fire and changes nothing', async () => {
    const { admin } = await desk();
    const before = await t.db.selectFrom('agent_groups').select('last_position').executeTakeFirstOrThrow();
    const counts = async () => Promise.all(['tickets', 'ticket_events', 'messages', 'ticket_tags'].map(async (table) => (await t.db.selectFrom(table as 'tickets').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n));
    const countsBefore = await counts();
    const result = await t.services.routing.test(admin, { subject: 'Invoice wrong', message: 'See attached', from: 'x@example.com' });
    expect(result.items).toEqual([expect.objectContaining({ rule: expect.objectContaining({ name: 'Refunds' }), matched: [{ field: 'keywords', value: 'invoice' }], wouldAssign: 'ana@desk.test' })]);
    expect(result.result).toEqual({ priority: 'high', tags: ['billing'] });
    expect(await counts()).toEqual(countsBefore);
    expect(await t.db.selectFrom('agent_groups').select('last_position').executeTakeFirstOrThrow()).toEqual(before);
  });

  it.each([
    ['no condition', { name: 'Empty', actions: { stop: true } }, 'conditions'],
    ['an unknown agent', { name: 'Ghost', conditions: { keywords: ['x'] }, actions: { assign: 'ghost@desk.test' } }, 'actions.assign'],
    ['an unknown group', { name: 'G', conditions: { keywords: ['x'] }, actions: { group: 'Nobody' } }, 'actions.group'],
    ['no action', { name: 'Idle', conditions: { keywords: ['x'] } }, 'actions'],
    ['a bad domain', { name: 'D', conditions: { emailDomain: ['not a domain'] }, actions: { stop: true } }, 'conditions.emailDomain.0'],
  ])('Given a rule with %s, it is refused naming the field', async (_name, input, path) => {
    const admin = await t.user('admin');
    const error = await expectCode(t.services.routing.rules.create(admin, input as never), 'VALIDATION_FAILED');
    expect(error.details?.map((d) => d.path)).toContain(path);
  });

  it('a group with an unknown member is refused naming the member', async () => {
    const admin = await t.user('admin');
    const error = await expectCode(t.services.groups.create(admin, { name: 'G', members: ['nobody@desk.test'] }), 'VALIDATION_FAILED');
    expect(error.details).toEqual([{ path: 'members.0', message: 'no agent with the email nobody@desk.test' }]);
  });

  it('rules keep their order: create at a position, move, remove', async () => {
    const admin = await t.user('admin');
    for (const name of ['A', 'B', 'C']) await t.services.routing.rules.create(admin, { name, conditions: { keywords: [name] }, actions: { stop: true } });
    await t.services.routing.rules.create(admin, { name: 'First', position: 1, conditions: { keywords: ['x'] }, actions: { stop: true } });
    const moved = await t.services.routing.rules.move(admin, { rule: 'A', position: 4 });
    expect(moved.items.map((r) => `${r.position}:${r.name}`)).toEqual(['1:First', '2:B', '3:C', '4:A']);
    await t.services.routing.rules.remove(admin, { rule: 'B' });
    expect((await t.services.routing.rules.list(admin)).items.map((r) => `${r.position}:${r.name}`)).toEqual(['1:First', '2:C', '3:A']);
  });
});
