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

    const ok = await post({ 'x-nexus-timestamp': ts, 'x-nexus-signature': `sha256=${signature}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ decision: 'new_ticket', ticketNumber: expect.any(Number) });
    const replay = await post({ 'x-nexus-timestamp': ts, 'x-nexus-signature': `sha256=${signature}` });
    expect(replay.statusCode).toBe(401);
    expect(await stored()).toBe(1);
  });

  it('sendgrid: ECDSA over timestamp + raw body', async () => {
    const { payload, headers } = await form({ email: mail('sg-1'), to: 'support@desk.test' });
    const ts = now();
    const signature = sign('sha256', Buffer.concat([Buffer.from(ts), payload]), privateKey).toString('base64');
    const post = (sig: string) => t.app.inject({ method: 'POST', url: '/v1/webhooks/email/sendgrid', headers: { ...headers, 'x-twilio-email-event-webhook-signature': sig, 'x-twilio-email-event-webhook-timestamp': ts }, payload });
    const forged = sign('sha256', Buffer.concat([Buffer.from(ts), Buffer.from('other')]), privateKey).toString('base64');
    expect((await post(forged)).statusCode).toBe(401);
    expect(await stored()).toBe(0);
    const ok = await post(signature);
    expect(ok.statusCode).toBe(200);
    expect(ok.json().decision).toBe('new_ticket');
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
    expect(await stored()).toBe(0);
    expect((await send(good)).json()).toMatchObject({ decision: 'new_ticket' });
    expect((await send(good)).statusCode).toBe(401);
  });

  it('postmark: Basic auth with the shared secret', async () => {
    const payload = JSON.stringify({ MessageID: 'pm-1', OriginalRecipient: 'support@desk.test', RawEmail: mail('pm-1') });
    const post = (password: string) => t.app.inject({ method: 'POST', url: '/v1/webhooks/email/postmark', headers: { 'content-type': 'application/json', authorization: `Basic ${Buffer.from(`postmark:${password}`).toString('base64')}` }, payload });
    expect((await post('wrong')).statusCode).toBe(401);
    expect(await stored()).toBe(0);
    expect((await post(SECRET)).json()).toMatchObject({ decision: 'new_ticket' });
    expect((await post(SECRET)).json()).toMatchObject({ decision: 'duplicate' });
  });
});
