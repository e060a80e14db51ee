import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { createServices, type Services } from '../services.js';
import { MemoryBlobStore } from '../storage/memory-blob-store.js';
import { failureOf, SAMPLES, seedMessage, seedTicket } from '../tickets/catalogue-fixtures.js';
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
    expect(listed.tickets.map((x) => x.number)).toEqual([w.mine.number]);
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
    await expect(w.services.tickets.downloadAttachment(w.customer, { ticket: w.mine.number, attachmentId: w.mine.attachmentId })).resolves.toBeDefined();
    await expect(w.services.tickets.rateMessage(w.customer, { ticket: w.mine.number, messageId: w.mine.aiMessageId, rating: 4 })).resolves.toBeDefined();
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
  // issue 13: agents write knowledge-base articles (kb.write); only admins remove them.
  'kb.manage': [['kb articles remove', (s, a) => s.kb.remove(a, { article: 'any-article' })]],
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
    await expect(services.tickets.logTime(agent, { ticket: ticket.number, minutes: 5 })).resolves.toBeDefined();
  });
});
