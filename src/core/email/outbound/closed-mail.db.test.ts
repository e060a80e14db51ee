import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.js';
import { FakeSmtp } from '../../../../test/support/fake-mail-providers.js';
import { toActor } from '../../users/user.js';

// The per-recipient cap is small here so the loop guard can be shown in a few closes.
const t = useTestDatabase({ config: { 'email.autoReplyPerSender': 3 } });
const smtp = new FakeSmtp();
beforeAll(async () => {
  await smtp.start();
});
afterAll(async () => {
  await smtp.close();
});
beforeEach(() => {
  smtp.delivered.length = 0;
});

const MAILBOX = 'support@desk.test';
const mail = (from: string, id: string, subject: string, extra: string[] = []) =>
  new Uint8Array(Buffer.from([`From: ${from}`, `To: ${MAILBOX}`, `Subject: ${subject}`, `Message-ID: <${id}>`, 'Date: Mon, 23 Nov 2026 10:00:00 +0000', 'Content-Type: text/plain; charset=utf-8', ...extra, '', 'Hello, the scanner stopped.'].join('\r\n')));

async function setUp() {
  const admin = await t.user('admin');
  const agent = await t.user('agent', 'kim@desk.test', { name: 'Kim' });
  await t.services.email.accounts.add(admin, { address: MAILBOX, displayName: 'Desk Support', outbound: { kind: 'smtp', host: '127.0.0.1', port: smtp.port, secure: false, user: 'desk', password: 'smtp-password-1' } });
  return { admin, agent };
}

const delivered = () => Promise.all(smtp.delivered.map((d) => simpleParser(d.raw)));

describe('the ticket-closed notice', () => {
  it('goes out through SMTP when staff close an email ticket: our Message-ID, the thread, the token, auto-generated', async () => {
    const { admin, agent } = await setUp();
    const first = await t.services.email.ingest({ mailbox: MAILBOX, raw: mail('Pat Doe <pat@customer.test>', 'p1@customer.test', 'Scanner stopped') });
    expect(first).toMatchObject({ decision: 'new_ticket', autoReply: true });
    t.clock.advance(60_000);
    await t.services.tickets.close(agent, { ticket: first.ticketNumber! });
    expect(await t.services.email.sendQueued()).toEqual({ sent: 2, failed: 0, retried: 0 });

    const [, closed] = await delivered();
    const queued = (await t.services.email.outbox(admin)).items.find((m) => m.kind === 'closed')!;
    expect(queued).toMatchObject({ status: 'sent', ticketNumber: first.ticketNumber, to: 'pat@customer.test' });
    expect(closed!.subject).toBe(`Re: [#${first.ticketNumber}] Scanner stopped`);
    expect(closed!.messageId).toBe(`<${queued.messageId}>`);
    expect(queued.messageId).toMatch(new RegExp(`^nexus\\.${first.ticketNumber}\\.`));
    expect(closed!.inReplyTo).toBe('<p1@customer.test>');
    expect(closed!.references).toContain('<p1@customer.test>');
    expect(closed!.headers.get('auto-submitted')).toBe('auto-generated');
    expect(closed!.text).toContain(`ticket #${first.ticketNumber} is now closed`);
    expect(closed!.to).toMatchObject({ value: [{ address: 'pat@customer.test' }] });

    // The customer answers the notice: it threads to the same ticket and reopens it.
    const answer = await t.services.email.ingest({ mailbox: MAILBOX, raw: mail('Pat Doe <pat@customer.test>', 'p2@customer.test', `Re: ${closed!.subject}`, [`In-Reply-To: ${closed!.messageId}`, `References: <p1@customer.test> ${closed!.messageId}`]) });
    expect(answer).toMatchObject({ decision: 'same_ticket', ticketNumber: first.ticketNumber });
    const ticket = await t.services.tickets.get(agent, { ticket: first.ticketNumber! });
    expect(ticket.status).toBe('open');
  });

  it('is not sent for list, bulk or machine mail, to a no-reply sender, when the customer closes, or for a ticket that never saw mail', async () => {
    const { admin, agent } = await setUp();
    const list = await t.services.email.ingest({ mailbox: MAILBOX, raw: mail('News <news@vendor.test>', 'l1@vendor.test', 'Weekly digest', ['List-Id: <digest.vendor.test>', 'Precedence: list']) });
    const bulk = await t.services.email.ingest({ mailbox: MAILBOX, raw: mail('Billing <billing@vendor.test>', 'b1@vendor.test', 'Your invoice', ['Precedence: bulk']) });
    const machine = await t.services.email.ingest({ mailbox: MAILBOX, raw: mail('Monitor <alerts@vendor.test>', 'm1@vendor.test', 'Disk almost full', ['Auto-Submitted: auto-generated']) });
    const noreply = await t.services.email.ingest({ mailbox: MAILBOX, raw: mail('Shop <no-reply@shop.test>', 'n1@shop.test', 'Order shipped') });
    const own = await t.services.email.ingest({ mailbox: MAILBOX, raw: mail('Pat Doe <pat@customer.test>', 'o1@customer.test', 'Wrong reply address', [`Reply-To: ${MAILBOX}`]) });
    for (const r of [list, bulk, machine, noreply, own]) expect(r.decision).toBe('new_ticket');
    for (const r of [list, bulk, machine, noreply, own]) await t.services.tickets.close(agent, { ticket: r.ticketNumber! });

    const customer = await t.db.selectFrom('users').selectAll().where('email', '=', 'pat@customer.test').executeTakeFirstOrThrow();
    const mine = await t.services.email.ingest({ mailbox: MAILBOX, raw: mail('Pat Doe <pat@customer.test>', 'c1@customer.test', 'Closing it myself') });
    await t.services.tickets.close(toActor(customer), { ticket: mine.ticketNumber! });

    const api = await t.services.tickets.create(agent, { subject: 'Phoned in', message: 'Called about the scanner', customerEmail: 'sam@customer.test' });
    await t.services.tickets.close(agent, { ticket: api.ticket.number });

    expect((await t.services.email.outbox(admin)).items.filter((m) => m.kind === 'closed')).toEqual([]);
  });

  it('stops at the per-recipient cap, so a sender that opened a run of tickets by a loop gets no run of notices', async () => {
    const { admin, agent } = await setUp();
    const numbers: number[] = [];
    for (let i = 1; i <= 5; i += 1) {
      const r = await t.services.email.ingest({ mailbox: MAILBOX, raw: mail('Ops <ops@partner.test>', `r${i}@partner.test`, `Run ${i}`) });
      numbers.push(r.ticketNumber!);
    }
    // The acknowledgements used up the cap of 3 within the window: none of the notices goes out now.
    for (const number of numbers) await t.services.tickets.close(agent, { ticket: number });
    const automatic = (await t.services.email.outbox(admin)).items.filter((m) => m.to === 'ops@partner.test');
    expect(automatic.map((m) => m.kind)).toEqual(['ack', 'ack', 'ack']);
  });
});
