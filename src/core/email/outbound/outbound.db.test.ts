import { simpleParser } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.js';
import { FakeMailApi, FakeSmtp, sendgridAsMail } from '../../../../test/support/fake-mail-providers.js';

const t = useTestDatabase();
const smtp = new FakeSmtp();
const api = new FakeMailApi();
beforeAll(async () => {
  await Promise.all([smtp.start(), api.start()]);
});
afterAll(async () => {
  await Promise.all([smtp.close(), api.close()]);
});

const MAILBOX = 'support@desk.test';
const customerMail = (id: string, subject: string, extra: string[] = []) =>
  new Uint8Array(Buffer.from([`From: Pat Doe <pat@customer.test>`, `To: ${MAILBOX}`, `Subject: ${subject}`, `Message-ID: <${id}>`, 'Date: Mon, 23 Nov 2026 10:00:00 +0000', 'Content-Type: text/plain; charset=utf-8', ...extra, '', 'My printer <jams> & stops.'].join('\r\n')));

interface SeenMail {
  subject: string;
  messageId: string;
  inReplyTo: string | undefined;
  references: string[];
  autoSubmitted: string | undefined;
  html: string;
}

async function parseRaw(raw: Buffer): Promise<SeenMail> {
  const mail = await simpleParser(raw);
  const refs = mail.references === undefined ? [] : Array.isArray(mail.references) ? mail.references : [mail.references];
  return {
    subject: mail.subject ?? '',
    messageId: (mail.messageId ?? '').replace(/^<|>$/g, ''),
    inReplyTo: mail.inReplyTo?.replace(/^<|>$/g, ''),
    references: refs.map((r) => r.replace(/^<|>$/g, '')),
    autoSubmitted: mail.headers.get('auto-submitted') as string | undefined,
    html: typeof mail.html === 'string' ? mail.html : '',
  };
}

const providers = {
  smtp: {
    outbound: () => ({ kind: 'smtp' as const, host: '127.0.0.1', port: smtp.port, secure: false, user: 'desk', password: 'smtp-password-1' }),
    seen: async () => Promise.all(smtp.delivered.map((d) => parseRaw(d.raw))),
    fail: (on: boolean) => (smtp.failWith = on ? 451 : null),
  },
  sendgrid: {
    outbound: () => ({ kind: 'sendgrid' as const, apiKey: 'SG.good', baseUrl: `${api.baseUrl}/` }),
    seen: async () =>
      api.sendgrid.map(({ body }) => {
        const m = sendgridAsMail(body);
        return { subject: m.subject, messageId: m.headers['Message-ID']!.replace(/^<|>$/g, ''), inReplyTo: m.headers['In-Reply-To']?.replace(/^<|>$/g, ''), references: (m.headers.References ?? '').split(/\s+/).filter(Boolean).map((r) => r.replace(/^<|>$/g, '')), autoSubmitted: m.headers['Auto-Submitted'], html: m.html };
      }),
    fail: (on: boolean) => (api.failWith = on ? 503 : null),
  },
  ses: {
    outbound: () => ({ kind: 'ses' as const, region: 'eu-west-1', accessKeyId: 'AKIAFAKEFAKEFAKE', secretAccessKey: 'ses-secret-1', endpoint: api.baseUrl }),
    seen: async () => Promise.all(api.ses.map((d) => parseRaw(d.raw))),
    fail: (on: boolean) => (api.failWith = on ? 500 : null),
  },
};

describe.each(Object.keys(providers) as (keyof typeof providers)[])('acceptance 3: agent replies by mail through %s', (name) => {
  const provider = providers[name];

  it('carries our Message-ID, In-Reply-To/References and the token; the customer reply threads back', async () => {
    smtp.delivered.length = 0;
    api.sendgrid.length = 0;
    api.ses.length = 0;
    const admin = await t.user('admin');
    const agent = await t.user('agent');
    await t.services.email.accounts.add(admin, { address: MAILBOX, displayName: 'Desk Support', outbound: provider.outbound() });
    const first = await t.services.email.ingest({ mailbox: MAILBOX, raw: customerMail('c1@customer.test', 'Printer jams') });
    expect(first).toMatchObject({ decision: 'new_ticket', autoReply: true });
    await t.services.tickets.reply(agent, { ticket: first.ticketNumber!, body: 'Please try <b>restarting</b> it & tell us.' });
    expect(await t.services.email.sendQueued()).toEqual({ sent: 2, failed: 0, retried: 0 });

    const [ack, reply] = await provider.seen();
    const outbox = (await t.services.email.outbox(admin)).items;
    const agentMail = outbox.find((m) => m.kind === 'agent_reply')!;
    expect(ack!.autoSubmitted).toBe('auto-replied');
    expect(reply!.autoSubmitted).toBeUndefined();
    expect(reply!.messageId).toBe(agentMail.messageId);
    expect(reply!.subject).toBe(`Re: [#${first.ticketNumber}] Printer jams`);
    expect(reply!.inReplyTo).toBe('c1@customer.test');
    expect(reply!.references).toContain('c1@customer.test');
    expect(reply!.references.at(-1)).toBe('c1@customer.test');
    expect(reply!.html).toContain('&lt;b&gt;restarting&lt;/b&gt; it &amp; tell us.');
    expect(agentMail).toMatchObject({ status: 'sent', ticketNumber: first.ticketNumber, to: 'pat@customer.test' });

    // The customer answers our mail: their client quotes the id it saw (SES: the provider's).
    const seenId = name === 'ses' ? agentMail.providerMessageId! : reply!.messageId;
    const answer = await t.services.email.ingest({ mailbox: MAILBOX, raw: customerMail('c2@customer.test', `Re: ${reply!.subject}`, [`In-Reply-To: <${seenId}>`, `References: <c1@customer.test> <${seenId}>`]) });
    expect(answer).toMatchObject({ decision: 'same_ticket', ticketNumber: first.ticketNumber });
  });

  it('a failing provider leaves the mail queued and retried; the reply itself succeeds', async () => {
    const admin = await t.user('admin');
    const agent = await t.user('agent');
    await t.services.email.accounts.add(admin, { address: MAILBOX, outbound: provider.outbound() });
    const first = await t.services.email.ingest({ mailbox: MAILBOX, raw: customerMail('f1@customer.test', 'Scanner broken') });
    provider.fail(true);
    try {
      const replied = await t.services.tickets.reply(agent, { ticket: first.ticketNumber!, body: 'On it.' });
      expect(replied.message.kind).toBe('agent');
      expect(await t.services.email.sendQueued()).toEqual({ sent: 0, failed: 0, retried: 2 });
      const queued = (await t.services.email.outbox(admin)).items;
      expect(queued.every((m) => m.status === 'queued' && m.attempts === 1 && m.lastError !== null)).toBe(true);
      // Not due yet: the backoff holds it.
      expect(await t.services.email.sendQueued()).toEqual({ sent: 0, failed: 0, retried: 0 });
    } finally {
      provider.fail(false);
    }
    t.clock.advance(31_000);
    expect(await t.services.email.sendQueued()).toEqual({ sent: 2, failed: 0, retried: 0 });
    expect((await t.services.email.outbox(admin)).items.every((m) => m.status === 'sent' && m.attempts === 2)).toBe(true);
  });
});
