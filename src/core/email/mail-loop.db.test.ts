import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { drainAiJobs } from '../../../test/support/ai-kit.js';
import { FakeLlm } from '../ai/llm.fake.js';
import { createServices, type Services } from '../services.js';
import type { MailTransport } from './mail-transport.js';

// Two desks, each with its own database, mailing each other through an in-memory "internet".
const deskA = useTestDatabase();
const deskB = useTestDatabase();

interface Wire {
  to: string;
  raw: Uint8Array;
}

const capture = (wire: Wire[]): MailTransport => ({
  async send(mail) {
    const { 'Message-ID': messageId, ...headers } = mail.headers ?? {};
    const raw = await new MailComposer({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, messageId, headers }).compile().build();
    wire.push({ to: mail.to, raw: new Uint8Array(raw) });
    return { id: messageId ?? '' };
  },
});

/** Delivers every queued mail of every desk to its recipient until the wire is quiet (or 20 rounds). */
async function exchange(desks: Record<string, Services>, responders: Record<string, (mail: Wire) => Wire | null> = {}): Promise<{ rounds: number; sent: Record<string, number> }> {
  const sent: Record<string, number> = Object.fromEntries(Object.keys(desks).map((k) => [k, 0]));
  for (let round = 1; round <= 20; round += 1) {
    const wire: Wire[] = [];
    for (const [address, services] of Object.entries(desks)) {
      await drainAiJobs(services);
      const before = wire.length;
      await services.email.sendQueued({ transportFor: () => capture(wire) });
      sent[address]! += wire.length - before;
    }
    if (wire.length === 0) return { rounds: round, sent };
    for (const mail of wire) {
      if (desks[mail.to]) await desks[mail.to]!.email.ingest({ mailbox: mail.to, raw: mail.raw });
      const answer = responders[mail.to]?.(mail);
      if (answer) await desks[answer.to]!.email.ingest({ mailbox: answer.to, raw: answer.raw });
    }
  }
  return { rounds: 21, sent };
}

const message = (from: string, to: string, subject: string, id: string, extra: string[] = []) =>
  new Uint8Array(Buffer.from([`From: ${from}`, `To: ${to}`, `Subject: ${subject}`, `Message-ID: <${id}>`, 'Date: Wed, 25 Nov 2026 09:00:00 +0000', ...extra, '', 'Hello.', ''].join('\r\n')));

describe('acceptance 4: mail loops cannot happen', () => {
  let a: Services;
  let b: Services;
  beforeAll(() => {
    a = createServices({ ...deskA.deps, ai: { llm: new FakeLlm(), sleep: async () => {} }, config: { ...deskA.deps.config, ai: { ...deskA.deps.config.ai, apiKey: 'sk-test' } } });
    b = createServices(deskB.deps);
  });

  it('two desks acknowledging each other stop after at most one automatic mail each', async () => {
    // Desk A's address writes to desk B (say an agent there mailed B by hand): B opens a ticket and
    // acknowledges; A sees an automatic reply and neither opens a ticket nor answers.
    await b.email.ingest({ mailbox: 'support@b.test', raw: message('support@a.test', 'support@b.test', 'Partnership question', 'start@a.test') });
    const result = await exchange({ 'support@a.test': a, 'support@b.test': b });
    expect(result.rounds).toBeLessThanOrEqual(3);
    expect(result.sent['support@a.test']).toBeLessThanOrEqual(1);
    expect(result.sent['support@b.test']).toBeLessThanOrEqual(1);
    const aTickets = await deskA.db.selectFrom('tickets').select('id').execute();
    expect(aTickets).toHaveLength(0);
  });

  it('a desk with AI replies and an auto-responder that sends no automatic headers at all stop after one automatic mail', async () => {
    let n = 0;
    // A badly behaved responder: answers every mail at once, with "Re:" and no Auto-Submitted, Precedence or X-Autoreply.
    const responder = (mail: Wire): Wire | null => {
      if (mail.to !== 'bot@c.test') return null;
      const subject = /^Subject: (.*)$/m.exec(Buffer.from(mail.raw).toString('utf8'))?.[1] ?? '';
      const parent = /^Message-ID: (<[^>]+>)$/im.exec(Buffer.from(mail.raw).toString('utf8'))?.[1] ?? '';
      return { to: 'support@a.test', raw: message('bot@c.test', 'support@a.test', subject.startsWith('Re:') ? subject : `Re: ${subject}`, `bot-${++n}@c.test`, [`In-Reply-To: ${parent}`, `References: ${parent}`]) };
    };
    await a.email.ingest({ mailbox: 'support@a.test', raw: message('bot@c.test', 'support@a.test', 'Order status', 'bot-0@c.test') });
    const result = await exchange({ 'support@a.test': a }, { 'bot@c.test': responder });
    expect(result.rounds).toBeLessThanOrEqual(4);
    expect(result.sent['support@a.test']).toBe(1);
    const outbox = await deskA.db.selectFrom('email_outbox').select(['kind', 'automatic']).execute();
    expect(outbox).toEqual([{ kind: 'ai_reply', automatic: true }]);
    // The responder's answer did reach the ticket (and the AI); only the mail back was capped.
    expect(await deskA.db.selectFrom('tickets').select('id').execute()).toHaveLength(1);
    expect((await deskA.db.selectFrom('messages').select('id').where('kind', '=', 'customer').execute()).length).toBeGreaterThanOrEqual(2);
  });
});
