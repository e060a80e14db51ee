import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestServer } from '../../test/support/server.js';

const SECRET = 'webhook-shared-secret-0123456789';
const MAILGUN_KEY = 'mailgun-signing-key-abc';
const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
const t = useTestServer({
  config: {
    'email.webhookSecret': SECRET,
    'email.mailgunSigningKey': MAILGUN_KEY,
    'email.sendgridPublicKey': publicKey.export({ type: 'spki', format: 'der' }).toString('base64'),
    'email.maxMessageBytes': 64 * 1024,
  },
});

const mail = (id: string) => ['From: Pat Doe <pat@customer.test>', 'To: support@desk.test', 'Subject: Webhook question', `Message-ID: <${id}@customer.test>`, 'Date: Wed, 25 Nov 2026 09:00:00 +0000', '', 'Hello from a provider.', ''].join('\r\n');
const now = () => String(Math.floor(t.clock.now().getTime() / 1000));

async function form(fields: Record<string, string>): Promise<{ payload: Buffer; headers: Record<string, string> }> {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) data.append(k, v);
  const request = new Request('http://local/', { method: 'POST', body: data });
  return { payload: Buffer.from(await request.arrayBuffer()), headers: { 'content-type': request.headers.get('content-type')! } };
}

const stored = async () => (await t.db.selectFrom('email_messages').select('id').where('direction', '=', 'inbound').execute()).length;
const inboxRows = async () => (await t.db.selectFrom('email_inbox').select('id').execute()).length;
/** The answer is 202 once the message is stored; the background processor (run here by hand) ingests it. */
async function processed(res: { statusCode: number; json(): { id: string; status: string } }) {
  expect(res.statusCode).toBe(202);
  expect(res.json()).toMatchObject({ id: expect.any(String), status: 'queued' });
  await t.api.email.processInbox();
  const row = await t.db.selectFrom('email_inbox').select(['status', 'message_id']).where('id', '=', res.json().id).executeTakeFirstOrThrow();
  expect(row.status).toBe('done');
  return t.db.selectFrom('email_messages').selectAll().where('message_id', '=', row.message_id!).where('direction', '=', 'inbound').executeTakeFirstOrThrow();
}
const ticketNumber = async (id: string | null) => (await t.db.selectFrom('tickets').select('number').where('id', '=', id!).executeTakeFirstOrThrow()).number;

describe('acceptance 5: POST /v1/webhooks/email/{provider}', () => {
  it('raw: a correctly signed body creates a ticket; bad, missing, stale, replayed and oversized requests are refused and store nothing', async () => {
    const body = Buffer.from(mail('raw-1'));
    const ts = now();
    const signature = createHmac('sha256', SECRET).update(`${ts}.`).update(body).digest('hex');
    const post = (headers: Record<string, string>, payload: Buffer = body) => t.app.inject({ method: 'POST', url: '/v1/webhooks/email/raw?mailbox=support@desk.test', headers: { 'content-type': 'message/rfc822', ...headers }, payload });

    expect((await post({})).statusCode).toBe(401);
    expect((await post({ 'x-nexus-timestamp': ts, 'x-nexus-signature': '0'.repeat(64) })).statusCode).toBe(401);
    expect((await post({ 'x-nexus-timestamp': ts, 'x-nexus-signature': signature }, Buffer.from(mail('raw-tampered')))).statusCode).toBe(401);
    const oldTs = String(Number(ts) - 3600);
    expect((await post({ 'x-nexus-timestamp': oldTs, 'x-nexus-signature': createHmac('sha256', SECRET).update(`${oldTs}.`).update(body).digest('hex') })).statusCode).toBe(401);
    const huge = Buffer.from(`${mail('raw-huge')}${'x'.repeat(200 * 1024)}`);
    const hugeSig = createHmac('sha256', SECRET).update(`${ts}.`).update(huge).digest('hex');
    expect((await post({ 'x-nexus-timestamp': ts, 'x-nexus-signature': hugeSig }, huge)).statusCode).toBe(413);
    expect(await stored()).toBe(0);
    expect(await inboxRows()).toBe(0);

    const ok = await post({ 'x-nexus-timestamp': ts, 'x-nexus-signature': `sha256=${signature}` });
    const row = await processed(ok);
    expect(row).toMatchObject({ decision: 'new_ticket', ticket_id: expect.any(String) });
    expect(await ticketNumber(row.ticket_id)).toBeGreaterThan(0);
    const replay = await post({ 'x-nexus-timestamp': ts, 'x-nexus-signature': `sha256=${signature}` });
    expect(replay.statusCode).toBe(401);
    expect(await inboxRows()).toBe(1);
    await t.api.email.processInbox();
    expect(await stored()).toBe(1);
  });

  it('sendgrid: ECDSA over timestamp + raw body', async () => {
    const { payload, headers } = await form({ email: mail('sg-1'), to: 'support@desk.test' });
    const ts = now();
    const signature = sign('sha256', Buffer.concat([Buffer.from(ts), payload]), privateKey).toString('base64');
    const post = (sig: string) => t.app.inject({ method: 'POST', url: '/v1/webhooks/email/sendgrid', headers: { ...headers, 'x-twilio-email-event-webhook-signature': sig, 'x-twilio-email-event-webhook-timestamp': ts }, payload });
    const forged = sign('sha256', Buffer.concat([Buffer.from(ts), Buffer.from('other')]), privateKey).toString('base64');
    expect((await post(forged)).statusCode).toBe(401);
    expect(await inboxRows()).toBe(0);
    expect((await processed(await post(signature))).decision).toBe('new_ticket');
  });

  it('mailgun: HMAC of timestamp + token, each token once', async () => {
    const ts = now();
    const token = 'a'.repeat(50);
    const good = createHmac('sha256', MAILGUN_KEY).update(ts + token).digest('hex');
    const send = async (signature: string) => {
      const { payload, headers } = await form({ timestamp: ts, token, signature, recipient: 'support@desk.test', 'body-mime': mail('mg-1') });
      return t.app.inject({ method: 'POST', url: '/v1/webhooks/email/mailgun', headers, payload });
    };
    expect((await send('f'.repeat(64))).statusCode).toBe(401);
    expect(await inboxRows()).toBe(0);
    expect(await processed(await send(good))).toMatchObject({ decision: 'new_ticket' });
    expect((await send(good)).statusCode).toBe(401);
  });

  it('postmark: Basic auth with the shared secret', async () => {
    const payload = JSON.stringify({ MessageID: 'pm-1', OriginalRecipient: 'support@desk.test', RawEmail: mail('pm-1') });
    const post = (password: string) => t.app.inject({ method: 'POST', url: '/v1/webhooks/email/postmark', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`postmark:${password}`).toString('base64')}` }, payload });
    expect((await post('wrong')).statusCode).toBe(401);
    expect(await inboxRows()).toBe(0);
    expect(await processed(await post(SECRET))).toMatchObject({ decision: 'new_ticket' });
    // Postmark's retry is stored again; processing it is a duplicate by Message-ID: one message, one ticket.
    const retry = await post(SECRET);
    expect(retry.statusCode).toBe(202);
    expect(await t.api.email.processInbox()).toEqual({ processed: 1, decisions: { duplicate: 1 } });
    expect(await stored()).toBe(1);
    expect(await t.db.selectFrom('tickets').select('id').execute()).toHaveLength(1);
  });

  it('stores, answers, then processes: nothing is ingested inside the request, and the stored copy goes once it is', async () => {
    const body = Buffer.from(mail('later-1'));
    const ts = now();
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks/email/raw?mailbox=support@desk.test',
      headers: { 'content-type': 'message/rfc822', 'x-nexus-timestamp': ts, 'x-nexus-signature': createHmac('sha256', SECRET).update(`${ts}.`).update(body).digest('hex') },
      payload: body,
    });
    expect(res.statusCode).toBe(202);
    // Stored durably with the exact bytes; no ticket, no message yet.
    const waiting = await t.db.selectFrom('email_inbox').selectAll().executeTakeFirstOrThrow();
    expect(waiting).toMatchObject({ id: res.json().id, provider: 'raw', mailbox: 'support@desk.test', status: 'queued', attempts: 0 });
    expect(Buffer.from(waiting.raw!).equals(body)).toBe(true);
    expect(await stored()).toBe(0);
    expect(await t.db.selectFrom('tickets').select('id').execute()).toHaveLength(0);
    const admin = await t.user('admin');
    expect((await t.api.email.status(admin)).inbox).toMatchObject({ waiting: 1, oldestAt: expect.any(String) });

    expect(await t.api.email.processInbox()).toEqual({ processed: 1, decisions: { new_ticket: 1 } });
    const done = await t.db.selectFrom('email_inbox').selectAll().executeTakeFirstOrThrow();
    expect(done).toMatchObject({ status: 'done', raw: null, message_id: 'later-1@customer.test', attempts: 1 });
    expect(await t.db.selectFrom('tickets').select('id').execute()).toHaveLength(1);
    // A second run finds nothing to do: processed exactly once.
    expect(await t.api.email.processInbox()).toEqual({ processed: 0, decisions: {} });
    expect((await t.api.email.status(admin)).inbox).toMatchObject({ waiting: 0, oldestAt: null });
  });

  it('a row whose processor died is taken again once its lease expires, and ingested once', async () => {
    const body = Buffer.from(mail('lease-1'));
    const ts = now();
    await t.app.inject({
      method: 'POST',
      url: '/v1/webhooks/email/raw?mailbox=support@desk.test',
      headers: { 'content-type': 'message/rfc822', 'x-nexus-timestamp': ts, 'x-nexus-signature': createHmac('sha256', SECRET).update(`${ts}.`).update(body).digest('hex') },
      payload: body,
    });
    // A processor claimed the row, then died before its transaction committed: only the claim is left.
    await t.db.updateTable('email_inbox').set({ status: 'processing', attempts: 1, lease_id: '00000000-0000-4000-8000-000000000001', locked_until: new Date(t.clock.now().getTime() + 60_000) }).execute();
    expect(await t.api.email.processInbox()).toEqual({ processed: 0, decisions: {} });
    t.clock.advance(61_000);
    expect(await t.api.email.processInbox()).toEqual({ processed: 1, decisions: { new_ticket: 1 } });
    expect(await t.db.selectFrom('email_inbox').select(['status', 'attempts']).executeTakeFirstOrThrow()).toEqual({ status: 'done', attempts: 2 });
    expect(await stored()).toBe(1);
  });
});
