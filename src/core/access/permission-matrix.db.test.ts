import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { createServices, type Services } from '../services.js';
import { MemoryBlobStore } from '../storage/memory-blob-store.fake.js';
import { failureOf, SAMPLES, seedMessage, seedTicket } from '../../../test/support/catalogue-fixtures.js';
import { handOffToHuman } from '../ai/handoff.js';
import { HANDOFF_ACKNOWLEDGEMENT, STAFF_DISPLAY_NAME } from '../tickets/visibility.js';
import { PERMISSIONS, type Actor, type Permission } from './permissions.js';

const t = useTestDatabase();
const MISSING_TICKET = 987654;
const MISSING_ID = '00000000-0000-4000-8000-000000000000';

interface World {
  services: Services;
  customer: Actor;
  other: Actor;
  /** The other customer's ticket, with an AI reply and an attachment. */
  theirs: { number: number; aiMessageId: string; attachmentId: string };
  /** The acting customer's own ticket, with an AI reply and an attachment. */
  mine: { number: number; aiMessageId: string; attachmentId: string };
}

async function world(): Promise<World> {
  const services = createServices({ ...t.deps, blobs: new MemoryBlobStore() });
  const customer = await t.user('customer', 'me@example.com');
  const other = await t.user('customer', 'them@example.com');
  const make = async (owner: Actor) => {
    const ticket = await seedTicket(t.db, { customerId: owner.id });
    await seedMessage(t.db, ticket.id, 'customer', owner.id);
    const aiMessageId = await seedMessage(t.db, ticket.id, 'ai');
    const attachment = await services.tickets.uploadAttachment(owner, { ticket: ticket.number, filename: 'a.png', bytes: SAMPLES.png });
    return { number: ticket.number, aiMessageId, attachmentId: attachment.id };
  };
  return { services, customer, other, theirs: await make(other), mine: await make(customer) };
}

/** Ticket numbers and ids vary; the shape of the answer must not. */
const shape = (failure: { code: string; message: string; hint?: string; details?: unknown }, ...values: (string | number)[]) => {
  let message = failure.message;
  for (const v of values) message = message.replaceAll(String(v), '<x>');
  return { code: failure.code, message, hint: failure.hint, details: failure.details };
};

/** The whole answer (code, message, hint, details) of a call that must fail. */
async function answerOf(promise: Promise<unknown>): Promise<{ code: string; message: string; hint?: string; details?: unknown }> {
  const failure = await failureOf(promise);
  let hint: string | undefined;
  await promise.catch((e: unknown) => (hint = (e as { hint?: string }).hint));
  return { ...failure, hint };
}

type TicketCall = (s: Services, actor: Actor, ticket: number, w: World) => Promise<unknown>;

// Every use case a customer can name a ticket in. Every one must answer NOT_FOUND for someone else's
// ticket, byte-identical to a missing number. Staff-only ones (not OWN_SCOPED) answer the customer the
// same even on their own ticket: to a customer, staff tools on tickets do not exist.
const TICKET_CALLS: [string, TicketCall][] = [
  ['view', (s, a, ticket) => s.tickets.view(a, { ticket })],
  ['reply', (s, a, ticket) => s.tickets.reply(a, { ticket, body: 'hi' })],
  ['escalate', (s, a, ticket) => s.tickets.escalate(a, { ticket, reason: 'human please' })],
  ['close', (s, a, ticket) => s.tickets.close(a, { ticket })],
  ['history', (s, a, ticket) => s.tickets.history(a, { ticket })],
  ['note', (s, a, ticket) => s.tickets.note(a, { ticket, body: 'x' })],
  ['tag', (s, a, ticket) => s.tickets.addTags(a, { ticket, tags: ['x'] })],
  ['category', (s, a, ticket) => s.tickets.setCategory(a, { ticket, category: null })],
  ['log time', (s, a, ticket) => s.tickets.logTime(a, { ticket, minutes: 5 })],
  ['list time', (s, a, ticket) => s.tickets.listTime(a, { ticket })],
  ['rate', (s, a, ticket, w) => s.tickets.rateMessage(a, { ticket, messageId: w.theirs.aiMessageId, rating: 5 })],
  ['list attachments', (s, a, ticket) => s.tickets.listAttachments(a, { ticket })],
  ['upload attachment', (s, a, ticket) => s.tickets.uploadAttachment(a, { ticket, filename: 'b.txt', bytes: SAMPLES.text })],
  ['download attachment', (s, a, ticket, w) => s.tickets.downloadAttachment(a, { ticket, attachmentId: w.theirs.attachmentId })],
  ['delete attachment', (s, a, ticket, w) => s.tickets.deleteAttachment(a, { ticket, attachmentId: w.theirs.attachmentId })],
  ['restore', (s, a, ticket) => s.tickets.restore(a, { ticket })],
  ['delete', (s, a, ticket) => s.tickets.delete(a, { tickets: [ticket] })],
];
const OWN_SCOPED = new Set(['view', 'reply', 'escalate', 'close', 'rate', 'list attachments', 'upload attachment', 'download attachment', 'delete attachment']);

describe("a customer reaching for another customer's ticket", () => {
  it.each(TICKET_CALLS)('%s: NOT_FOUND, the answer is exactly the one for a missing ticket', async (name, call) => {
    const w = await world();
    const theirs = await answerOf(call(w.services, w.customer, w.theirs.number, w));
    const missing = await answerOf(call(w.services, w.customer, MISSING_TICKET, w));
    expect(shape(theirs, w.theirs.number)).toEqual(shape(missing, MISSING_TICKET));
    expect(theirs.code).toBe('NOT_FOUND');
    expect(missing.message).toContain(`#${MISSING_TICKET}`);
    if (!OWN_SCOPED.has(name)) {
      // A staff-only action: the customer's own ticket answers the same bytes as well.
      const mine = await answerOf(call(w.services, w.customer, w.mine.number, w));
      expect(shape(mine, w.mine.number)).toEqual(shape(missing, MISSING_TICKET));
    }
  });

  it('never sees it in a list or a search', async () => {
    const w = await world();
    const listed = await w.services.tickets.list(w.customer, {});
    expect(listed.items.map((x) => x.number)).toEqual([w.mine.number]);
  });

  it("another ticket's message or attachment, named on the customer's own ticket, is like a missing id", async () => {
    const w = await world();
    const rateTheirs = await failureOf(w.services.tickets.rateMessage(w.customer, { ticket: w.mine.number, messageId: w.theirs.aiMessageId, rating: 4 }));
    const rateMissing = await failureOf(w.services.tickets.rateMessage(w.customer, { ticket: w.mine.number, messageId: MISSING_ID, rating: 4 }));
    expect(rateTheirs.code).toBe('NOT_FOUND');
    expect(shape(rateTheirs, w.theirs.aiMessageId)).toEqual(shape(rateMissing, MISSING_ID));
    for (const call of ['downloadAttachment', 'deleteAttachment'] as const) {
      const theirs = await failureOf(w.services.tickets[call](w.customer, { ticket: w.mine.number, attachmentId: w.theirs.attachmentId }));
      const missing = await failureOf(w.services.tickets[call](w.customer, { ticket: w.mine.number, attachmentId: MISSING_ID }));
      expect(theirs.code, call).toBe('NOT_FOUND');
      expect(shape(theirs, w.theirs.attachmentId), call).toEqual(shape(missing, MISSING_ID));
    }
    // And the customer's own things work, so the refusals above are about ownership.
    const download = await w.services.tickets.downloadAttachment(w.customer, { ticket: w.mine.number, attachmentId: w.mine.attachmentId });
    expect(download.attachment).toMatchObject({ id: w.mine.attachmentId });
    expect(download.bytes.length).toBeGreaterThan(0);
    await expect(w.services.tickets.rateMessage(w.customer, { ticket: w.mine.number, messageId: w.mine.aiMessageId, rating: 4 })).resolves.toMatchObject({ ticketNumber: w.mine.number, messageId: w.mine.aiMessageId, rating: 4 });
  });
});

type AdminCall = (s: Services, agent: Actor) => Promise<unknown>;

// Every admin-only action of the product, by permission. A new admin-only use case must add its row
// (the last test below finds them in the source).
const ADMIN_ONLY: Partial<Record<Permission, [string, AdminCall][]>> = {
  'users.manage': [
    ['users create', (s, a) => s.users.create(a, { email: 'new@example.com', role: 'admin', password: 'long enough' })],
    ['users list', (s, a) => s.users.list(a)],
    ['users set-role', (s, a) => s.users.setRole(a, { email: a.email, role: 'admin' })],
    ['users disable', (s, a) => s.users.setDisabled(a, { email: 'admin@example.com', disabled: true })],
    ['users reset-password', (s, a) => s.users.resetPassword(a, { email: 'admin@example.com', password: 'long enough' })],
  ],
  'tags.manage': [
    ['tags create', (s, a) => s.tags.create(a, { name: 'x' })],
    ['tags rename', (s, a) => s.tags.update(a, { name: 'x', newName: 'y' })],
    ['tags delete', (s, a) => s.tags.delete(a, { name: 'x' })],
  ],
  'categories.manage': [
    ['categories create', (s, a) => s.categories.create(a, { name: 'x' })],
    ['categories rename', (s, a) => s.categories.update(a, { name: 'x', newName: 'y' })],
    ['categories delete', (s, a) => s.categories.delete(a, { name: 'x' })],
  ],
  'ticket.purge': [
    ['tickets purge N', (s, a) => s.tickets.purge(a, { tickets: [1001] })],
    ['tickets purge --expired', (s, a) => s.tickets.purge(a, { expired: true })],
  ],
  // i10: email channel
  'email.manage': [
    ['email accounts list', (s, a) => s.email.accounts.list(a)],
    ['email accounts add', (s, a) => s.email.accounts.add(a, { address: 'x@desk.test' })],
    ['email outbox', (s, a) => s.email.outbox(a)],
    ['email status', (s, a) => s.email.status(a)],
    ['email poll', (s, a) => s.email.poll(a)],
    ['email ingest', (s, a) => s.email.ingestFiles(a, { mailbox: 'support@desk.test', files: [{ name: 'a.eml', raw: new Uint8Array([65]) }] })],
  ],
  'templates.manage': [
    ['email templates list', (s, a) => s.email.templates.list(a)],
    ['email templates edit', (s, a) => s.email.templates.edit(a, { key: 'ack', enabled: false })],
  ],
  'sla.manage': [
    ['sla policies create', (s, a) => s.sla.policies.create(a, { name: 'x', priority: 'low', firstResponse: '1h', resolution: '1d' })],
    ['sla policies update', (s, a) => s.sla.policies.update(a, { policy: 'x', firstResponse: '2h' })],
    ['sla policies remove', (s, a) => s.sla.policies.remove(a, { policy: 'x' })],
    ['sla calendars create', (s, a) => s.sla.calendars.create(a, { name: 'x', timeZone: 'UTC', hours: 'mon 09:00-17:00' })],
    ['sla calendars update', (s, a) => s.sla.calendars.update(a, { calendar: 'x', timeZone: 'UTC' })],
    ['sla calendars remove', (s, a) => s.sla.calendars.remove(a, { calendar: 'x' })],
  ],
  'routing.manage': [
    ['routing rules create', (s, a) => s.routing.rules.create(a, { name: 'x', conditions: { keywords: ['x'] }, actions: { stop: true } })],
    ['routing rules update', (s, a) => s.routing.rules.update(a, { rule: 'x', isEnabled: false })],
    ['routing rules move', (s, a) => s.routing.rules.move(a, { rule: 'x', position: 1 })],
    ['routing rules remove', (s, a) => s.routing.rules.remove(a, { rule: 'x' })],
    ['groups create', (s, a) => s.groups.create(a, { name: 'x' })],
    ['groups update', (s, a) => s.groups.update(a, { group: 'x', name: 'y' })],
    ['groups remove', (s, a) => s.groups.remove(a, { group: 'x' })],
  ],
  // issue 13: agents write knowledge-base articles (kb.write); only admins remove them.
  'kb.manage': [['kb articles remove', (s, a) => s.kb.remove(a, { article: 'any-article' })]],
  // issue 8: the database status is the admin's (GET /v1/db/status).
  'db.view': [['db status', (s, a) => s.db.status(a)]],
};

/** Admin-only rows that name tickets: a customer gets the ticket's NOT_FOUND (see authorizeOnTickets). */
const NAMES_TICKETS = new Set(['tickets purge N']);

const adminOnlyRows = Object.entries(ADMIN_ONLY).flatMap(([permission, calls]) => calls!.map(([name, call]) => [name, permission as Permission, call] as const));

describe('admin-only actions', () => {
  it.each(adminOnlyRows)('%s is refused to an agent (FORBIDDEN, naming %s) and to a customer (NOT_FOUND when it names tickets)', async (name, permission, call) => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    await t.user('admin', 'admin@example.com');
    const services = createServices({ ...t.deps, blobs: new MemoryBlobStore() });
    const refused = await failureOf(call(services, agent));
    expect(refused.code).toBe('FORBIDDEN');
    expect(refused.message).toContain(permission.replace('.', ': ').replace(/_/g, ' '));
    // To a customer, an admin action that names tickets answers like a missing ticket; the rest are FORBIDDEN.
    const asCustomer = await answerOf(call(services, customer));
    if (NAMES_TICKETS.has(name)) expect(asCustomer).toMatchObject({ code: 'NOT_FOUND', message: 'Ticket #1001 not found' });
    else expect(asCustomer.code).toBe('FORBIDDEN');
  });

  it('the table covers every admin-only permission a use case checks', () => {
    const root = join(import.meta.dirname, '..');
    const files = (readdirSync(root, { recursive: true }) as string[]).filter((f) => f.endsWith('.ts') && !f.includes('.test.'));
    const checked = new Set<string>();
    for (const file of files) {
      for (const match of readFileSync(join(root, file), 'utf8').matchAll(/authorize(?:OnTickets)?\(\w+, '([a-z_.]+)'/g)) checked.add(match[1]!);
    }
    const adminOnly = (Object.keys(PERMISSIONS) as Permission[]).filter((p) => PERMISSIONS[p].admin === true && PERMISSIONS[p].agent === false);
    const uncovered = adminOnly.filter((p) => checked.has(p) && !ADMIN_ONLY[p]);
    expect(uncovered, 'admin-only permissions checked in src/core without a row in ADMIN_ONLY').toEqual([]);
  });

  it('agents cannot manage users at all, but do their ticket work', async () => {
    const agent = await t.user('agent');
    const customer = await t.user('customer');
    const services = createServices({ ...t.deps, blobs: new MemoryBlobStore() });
    for (const [, call] of ADMIN_ONLY['users.manage']!) expect((await failureOf(call(services, agent))).code).toBe('FORBIDDEN');
    const ticket = await seedTicket(t.db, { customerId: customer.id });
    await expect(services.tickets.logTime(agent, { ticket: ticket.number, minutes: 5 })).resolves.toMatchObject({ ticketNumber: ticket.number, entry: { minutes: 5, user: { id: agent.id } } });
  });
});

describe("a customer's view of their own ticket (issue 8)", () => {
  /** A ticket that went through the desk's whole workflow: assignments, escalations, notes, an AI hand-off. */
  async function workedTicket() {
    const services = createServices({ ...t.deps, blobs: new MemoryBlobStore() });
    const customer = await t.user('customer', 'cara@example.com', { name: 'Cara' });
    const ana = await t.user('agent', 'ana@staff.example.com', { name: 'Ana Lima' });
    const admin = await t.user('admin', 'boss@staff.example.com', { name: '' });
    const { ticket } = await services.tickets.create(customer, { subject: 'Refund', message: 'I was charged twice' });
    const number = ticket.number;
    await services.tickets.assign(admin, { ticket: number, agent: ana.email });
    await services.tickets.unassign(admin, { ticket: number });
    await services.tickets.escalate(admin, { ticket: number, reason: 'VIP account' });
    await services.tickets.note(ana, { ticket: number, body: 'Customer is on the legacy plan' });
    await services.tickets.assign(ana, { ticket: number, agent: '@me' });
    await services.tickets.reply(ana, { ticket: number, body: 'Refund is on its way.' });
    await services.tickets.reply(customer, { ticket: number, body: 'Thanks!' });
    await services.tickets.escalate(customer, { ticket: number, reason: 'I want a manager' });
    const row = await t.db.selectFrom('tickets').selectAll().where('number', '=', number).executeTakeFirstOrThrow();
    await t.db.transaction().execute((trx) => handOffToHuman(trx, row, 'model asked for a human: angry', t.clock.now()));
    return { services, customer, ana, admin, number };
  }

  const STAFF_ONLY = ['ana@staff.example.com', 'boss@staff.example.com', 'VIP account', 'I want a manager', 'legacy plan', 'Assigned to', 'Unassigned', 'angry'];

  it('Given assignments, escalations and internal notes, when the customer views it, then no staff email, no escalation reason and no internal event shows', async () => {
    const { services, customer, number } = await workedTicket();
    const thread = await services.tickets.view(customer, { ticket: number });
    const text = JSON.stringify(thread);
    for (const secret of STAFF_ONLY) expect(text, secret).not.toContain(secret);
    expect(thread.messages.every((m) => m.visibleToCustomer && m.kind !== 'internal')).toBe(true);
    // The conversation itself is there: the agent by display name, the public escalation line, the hand-off note.
    const agentReply = thread.messages.find((m) => m.kind === 'agent')!;
    expect(agentReply.author).toEqual({ id: expect.any(String), email: null, name: 'Ana Lima' });
    expect(thread.messages.filter((m) => m.kind === 'system').map((m) => m.body).sort()).toEqual(
      ['Escalated to a human agent.', 'Escalated to a human agent.', HANDOFF_ACKNOWLEDGEMENT].sort(),
    );
    // A staff member with no name on file shows as the support team, never as an address.
    const adminLine = thread.messages.find((m) => m.kind === 'system' && m.author?.name === STAFF_DISPLAY_NAME);
    expect(adminLine?.author?.email).toBeNull();
  });

  it('Given the same ticket, when the customer lists, replies or escalates, then those answers hide staff emails too', async () => {
    const { services, customer, number } = await workedTicket();
    const listed = JSON.stringify(await services.tickets.list(customer, { status: 'open,pending,escalated,assigned,closed' }));
    const replied = JSON.stringify(await services.tickets.reply(customer, { ticket: number, body: 'hello?' }));
    for (const text of [listed, replied]) for (const email of ['ana@staff.example.com', 'boss@staff.example.com']) expect(text).not.toContain(email);
  });

  it('Given the same ticket, when staff view it, then they see every workflow line with its audience', async () => {
    const { services, ana, number } = await workedTicket();
    const thread = await services.tickets.view(ana, { ticket: number });
    const staffOnly = thread.messages.filter((m) => !m.visibleToCustomer).map((m) => m.body);
    expect(staffOnly).toEqual([
      'Assigned to Ana Lima.',
      'Unassigned.',
      'Escalation reason: VIP account',
      'Customer is on the legacy plan',
      'Assigned to Ana Lima.',
      'Escalation reason: I want a manager',
    ]);
    expect(thread.ticket.customer.email).toBe('cara@example.com');
    expect((await services.tickets.history(ana, { ticket: number })).items.some((e) => JSON.stringify(e.data).includes('angry'))).toBe(true);
  });
});
