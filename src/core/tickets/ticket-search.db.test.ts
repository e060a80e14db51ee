import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { testConfig, useTestDatabase } from '../../../test/support/db.js';
import { listTickets } from './list-tickets.js';
import { relevanceCandidates, searchTerms } from './ticket-search.js';

const t = useTestDatabase();

async function desk() {
  const [ana, bo, agent] = [await t.user('customer', 'ana@example.com'), await t.user('customer', 'bo@example.com'), await t.user('agent')];
  const open = async (who: typeof ana, subject: string, message: string) => {
    const { ticket } = await t.services.tickets.create(who, { subject, message });
    t.clock.advance(60_000);
    return ticket.number;
  };
  const refund = await open(ana, 'Money back', 'I asked for a refund of my last order twice.');
  const cafe = await open(ana, 'Crème brûlée at the Café', 'The café charged me for a crème brûlée I never had.');
  const street = await open(bo, 'Wrong address', 'My address is Hauptstraße 5.');
  await t.services.tickets.note(agent, { ticket: street, body: 'Courier lost the refunds paperwork' });
  return { ana, bo, agent, refund, cafe, street };
}

const numbers = (page: { items: { number: number }[] }) => page.items.map((x) => x.number);

describe('ticket search: language, accents, highlighting', () => {
  it('stems words in the configured language (english by default): "refunds" finds "refund"', async () => {
    const { agent, ana, refund, street } = await desk();
    expect(numbers(await t.services.tickets.list(agent, { q: 'refunds' }))).toEqual([street, refund]);
    expect(numbers(await t.services.tickets.list(agent, { q: 'refunding', sort: '-created' }))).toEqual([street, refund]);
    // The internal note matches for staff only.
    expect(numbers(await t.services.tickets.list(ana, { q: 'refunds' }))).toEqual([refund]);
  });

  it('keeps staff-only lines out of a customer\'s search: an escalation reason finds the ticket for staff only', async () => {
    const { agent, ana, refund } = await desk();
    await t.services.tickets.escalate(agent, { ticket: refund, reason: 'zebracorn account flagged' });
    expect(numbers(await t.services.tickets.list(agent, { q: 'zebracorn' }))).toEqual([refund]);
    expect(numbers(await t.services.tickets.list(ana, { q: 'zebracorn' }))).toEqual([]);
    expect(numbers(await t.services.tickets.list(ana, { q: 'refund' }))).toEqual([refund]);
  });

  it('follows search.language: with `simple` there is no stemming, and the documents are rebuilt', async () => {
    const { agent, refund, street } = await desk();
    const simple = { ...t.deps, config: testConfig({ search: { language: 'simple' } }) };
    // Only the note's own word "refunds" matches now.
    expect(numbers(await listTickets(simple, agent, { q: 'refunds' }))).toEqual([street]);
    expect(numbers(await listTickets(simple, agent, { q: 'refund' }))).toEqual([refund]);
    const { rows } = await sql<{ language: string }>`select language from search_settings`.execute(t.db);
    expect(rows).toEqual([{ language: 'simple' }]);
    // The rebuild went through the pending list and left the index without one again.
    const index = await sql<{ options: string[] | null }>`select reloptions as options from pg_class where relname = 'ticket_search_document_idx'`.execute(t.db);
    expect(index.rows).toEqual([{ options: ['fastupdate=off'] }]);
    expect(numbers(await t.services.tickets.list(agent, { q: 'refunds' }))).toHaveLength(2);
  });

  it('ignores accents both ways: "creme brulee" finds "crème brûlée", "café" finds "cafe", "strasse" finds "straße"', async () => {
    const { agent, cafe, street } = await desk();
    expect(numbers(await t.services.tickets.list(agent, { q: 'creme brulee' }))).toEqual([cafe]);
    expect(numbers(await t.services.tickets.list(agent, { q: 'CAFE' }))).toEqual([cafe]);
    expect(numbers(await t.services.tickets.list(agent, { q: 'hauptstrasse' }))).toEqual([street]);
    expect(numbers(await t.services.tickets.list(agent, { q: '"crème brûlée"' }))).toEqual([cafe]);
  });

  it('highlights the matched words in a snippet that keeps the original accents; null when not searching', async () => {
    const { agent, ana, cafe, refund } = await desk();
    const [found] = (await t.services.tickets.list(agent, { q: 'cafe' })).items;
    expect(found!.number).toBe(cafe);
    expect(found!.snippet).toContain('**Café**');
    expect(found!.snippet).toContain('The **café** charged me');
    const [hit] = (await t.services.tickets.list(ana, { q: 'refunds' })).items;
    expect(hit!.number).toBe(refund);
    expect(hit!.snippet).toContain('for a **refund** of my last order');
    const listed = await t.services.tickets.list(agent);
    expect(listed.items.map((x) => x.snippet)).toEqual([null, null, null]);
  });

  it('never puts an internal note in a customer\'s snippet', async () => {
    const { bo, agent, street } = await desk();
    expect(numbers(await t.services.tickets.list(bo, { q: 'courier' }))).toEqual([]);
    const [staff] = (await t.services.tickets.list(agent, { q: 'courier' })).items;
    expect(staff!.number).toBe(street);
    expect(staff!.snippet).toContain('**Courier** lost');
    const [own] = (await t.services.tickets.list(bo, { q: 'address' })).items;
    expect(own!.snippet).not.toContain('Courier');
  });

  it('keeps the document in step with later messages and subject changes', async () => {
    const { agent, refund } = await desk();
    await t.services.tickets.reply(agent, { ticket: refund, body: 'The chargeback was reversed.' });
    expect(numbers(await t.services.tickets.list(agent, { q: 'chargeback' }))).toEqual([refund]);
    await sql`update tickets set subject = 'Parcel missing' where number = ${refund}`.execute(t.db);
    expect(numbers(await t.services.tickets.list(agent, { q: 'parcel' }))).toEqual([refund]);
    expect(numbers(await t.services.tickets.list(agent, { q: '"money back"' }))).toEqual([]);
    await sql`delete from messages where body like 'The chargeback%'`.execute(t.db);
    expect(numbers(await t.services.tickets.list(agent, { q: 'chargeback' }))).toEqual([]);
  });

  it('keeps no pending list on the search index: new documents go straight into it (PGlite runs no VACUUM to merge one)', async () => {
    const { agent, refund } = await desk();
    await t.services.tickets.reply(agent, { ticket: refund, body: 'The chargeback was reversed.' });
    const { rows } = await sql<{ options: string[] | null }>`select reloptions as options from pg_class where relname = 'ticket_search_document_idx'`.execute(t.db);
    expect(rows).toEqual([{ options: ['fastupdate=off'] }]);
    expect(numbers(await t.services.tickets.list(agent, { q: 'chargeback' }))).toEqual([refund]);
  });
});

describe('ticket search: the candidates a relevance search ranks', () => {
  it('are the newest matches, whether the first documents read in creation order hold enough of them or not', async () => {
    const customer = await t.user('customer');
    const made: number[] = [];
    for (let i = 1; i <= 8; i++) {
      const { ticket } = await t.services.tickets.create(customer, { subject: `Ticket ${i}`, message: [1, 2, 3, 5, 8].includes(i) ? 'alpha beta' : 'gamma' });
      made.push(ticket.number);
      t.clock.advance(60_000);
    }
    const nth = (...is: number[]) => is.map((i) => made[i - 1]!);
    const search = searchTerms({ q: 'alpha', language: testConfig().search.language, includeInternal: true });
    const candidates = async (walk: number, n: number) =>
      (await t.db.selectFrom(relevanceCandidates(search, { candidates: n, walk }).as('s')).select('s.number').execute()).map((r) => r.number);
    expect(await candidates(100, 500)).toEqual(nth(8, 5, 3, 2, 1)); // the walk reads every document
    expect(await candidates(3, 2)).toEqual(nth(8, 5)); // one match among the 3 newest: the next from the GIN index
    expect(await candidates(3, 4)).toEqual(nth(8, 5, 3, 2));
    expect(await candidates(4, 2)).toEqual(nth(8, 5)); // enough in the walk
    await t.db.updateTable('tickets').set({ deleted_at: new Date() }).where('number', '=', made[4]!).execute();
    expect(await candidates(3, 2)).toEqual(nth(8, 3));
    expect(await candidates(100, 2)).toEqual(nth(8, 3));
  });
});
