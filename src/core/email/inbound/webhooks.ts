import { createHmac, createPublicKey, timingSafeEqual, verify as verifySignature } from 'node:crypto';
import type { Deps } from '../../deps.js';
import { NexusError } from '../../errors.js';

import type { WebhookProvider } from './webhook-providers.js';

export interface WebhookRequest {
  provider: WebhookProvider;
  /** Lower-cased header names. */
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  /** The support address the provider delivered to (query `mailbox`), else the To of the form, else the default account. */
  mailbox?: string;
}

const refused = (why: string) => new NexusError('UNAUTHENTICATED', `Webhook refused: ${why}`);
const header = (req: WebhookRequest, name: string): string | undefined => {
  const value = req.headers[name];
  return Array.isArray(value) ? value[0] : value;
};

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function checkAge(deps: Deps, timestamp: string | undefined): void {
  const seconds = Number(timestamp);
  if (!timestamp || !Number.isFinite(seconds)) throw refused('missing timestamp');
  const age = deps.clock.now().getTime() / 1000 - seconds;
  if (Math.abs(age) > deps.config.email.webhookMaxAgeSeconds) throw refused('timestamp outside the replay window');
}

async function formOf(req: WebhookRequest): Promise<FormData> {
  const type = header(req, 'content-type') ?? '';
  try {
    return await new Response(new Uint8Array(req.body), { headers: { 'content-type': type } }).formData();
  } catch {
    throw new NexusError('VALIDATION_FAILED', 'The webhook body is not a readable form');
  }
}

const field = (form: FormData, name: string): string | undefined => {
  const value = form.get(name);
  return typeof value === 'string' ? value : undefined;
};

/**
 * Checks the request against its provider's scheme, on the raw body before anything is parsed where
 * the provider signs the body, and returns the raw RFC 5322 message and a replay nonce.
 */
export async function verifyWebhook(deps: Deps, req: WebhookRequest): Promise<{ raw: Uint8Array; nonce: string; to: string | null }> {
  const settings = deps.config.email;
  switch (req.provider) {
    case 'raw': {
      // HMAC-SHA256(secret, "<timestamp>.<raw body>"), hex, in X-Nexus-Signature (optionally "sha256=").
      if (!settings.webhookSecret) throw refused('no webhook secret is configured (email.webhookSecret)');
      const timestamp = header(req, 'x-nexus-timestamp');
      const given = (header(req, 'x-nexus-signature') ?? '').replace(/^sha256=/, '');
      const expected = createHmac('sha256', settings.webhookSecret).update(`${timestamp ?? ''}.`).update(req.body).digest('hex');
      if (!given || !safeEqual(given, expected)) throw refused('bad signature');
      checkAge(deps, timestamp);
      return { raw: new Uint8Array(req.body), nonce: given, to: null };
    }
    case 'sendgrid': {
      // SendGrid signed webhooks: ECDSA P-256/SHA-256 over timestamp + raw body, base64 signature.
      if (!settings.sendgridPublicKey) throw refused('no SendGrid verification key is configured (email.sendgridPublicKey)');
      const signature = header(req, 'x-twilio-email-event-webhook-signature');
      const timestamp = header(req, 'x-twilio-email-event-webhook-timestamp');
      if (!signature || !timestamp) throw refused('missing signature');
      let ok: boolean;
      try {
        const key = createPublicKey({ key: Buffer.from(settings.sendgridPublicKey, 'base64'), format: 'der', type: 'spki' });
        ok = verifySignature('sha256', Buffer.concat([Buffer.from(timestamp), req.body]), key, Buffer.from(signature, 'base64'));
      } catch {
        ok = false;
      }
      if (!ok) throw refused('bad signature');
      checkAge(deps, timestamp);
      const form = await formOf(req);
      const email = field(form, 'email');
      if (!email) throw new NexusError('VALIDATION_FAILED', 'SendGrid sent no raw message: turn on "POST the raw, full MIME message"', { details: [{ path: 'email', message: 'is required' }] });
      return { raw: new Uint8Array(Buffer.from(email, 'utf8')), nonce: signature, to: field(form, 'to') ?? null };
    }
    case 'mailgun': {
      // Mailgun signs timestamp + token (not the message): HMAC-SHA256 with the webhook signing key.
      if (!settings.mailgunSigningKey) throw refused('no Mailgun signing key is configured (email.mailgunSigningKey)');
      const form = await formOf(req);
      const [timestamp, token, signature] = [field(form, 'timestamp'), field(form, 'token'), field(form, 'signature')];
      if (!timestamp || !token || !signature) throw refused('missing signature');
      const expected = createHmac('sha256', settings.mailgunSigningKey).update(timestamp + token).digest('hex');
      if (!safeEqual(signature, expected)) throw refused('bad signature');
      checkAge(deps, timestamp);
      const mime = field(form, 'body-mime');
      if (!mime) throw new NexusError('VALIDATION_FAILED', 'Mailgun sent no raw message: forward to a URL that receives body-mime', { details: [{ path: 'body-mime', message: 'is required' }] });
      return { raw: new Uint8Array(Buffer.from(mime, 'utf8')), nonce: token, to: field(form, 'recipient') ?? null };
    }
    case 'postmark': {
      // Postmark does not sign: HTTP Basic auth (any user, the shared secret as password) over HTTPS.
      if (!settings.webhookSecret) throw refused('no webhook secret is configured (email.webhookSecret)');
      const auth = header(req, 'authorization') ?? '';
      const password = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8').split(':').slice(1).join(':') : '';
      if (!password || !safeEqual(password, settings.webhookSecret)) throw refused('bad credentials');
      let json: { RawEmail?: string; MessageID?: string; OriginalRecipient?: string };
      try {
        json = JSON.parse(req.body.toString('utf8')) as typeof json;
      } catch {
        throw new NexusError('VALIDATION_FAILED', 'The Postmark body is not JSON');
      }
      if (!json.RawEmail) throw new NexusError('VALIDATION_FAILED', 'Postmark sent no raw message: turn on "Include raw email content"', { details: [{ path: 'RawEmail', message: 'is required' }] });
      return { raw: new Uint8Array(Buffer.from(json.RawEmail, 'utf8')), nonce: `postmark:${json.MessageID ?? ''}`, to: json.OriginalRecipient ?? null };
    }
  }
}

export interface StoredWebhook {
  /** The inbox row holding the message until the background processor has ingested it. */
  id: string;
  status: 'queued';
}

/**
 * Verifies, refuses replays (a nonce is accepted once), then stores the raw message durably in the
 * webhook inbox — nonce and message in one transaction, committed before the provider gets its answer —
 * and returns at once. The background processor (webhook-inbox.ts) ingests it through the one intake path.
 */
export async function receiveWebhook(deps: Deps, req: WebhookRequest): Promise<StoredWebhook> {
  const verified = await verifyWebhook(deps, req);
  let mailbox = req.mailbox ?? /<?([^<>\s,]+@[^<>\s,]+)>?/.exec(verified.to ?? '')?.[1];
  if (!mailbox) {
    const fallback = await deps.db.selectFrom('email_accounts').select('address').where('is_default', '=', true).executeTakeFirst();
    if (!fallback) throw new NexusError('VALIDATION_FAILED', 'No mailbox: pass ?mailbox=<address> or add a default account', { details: [{ path: 'mailbox', message: 'is required' }] });
    mailbox = fallback.address;
  }
  const address = mailbox.toLowerCase();
  const now = deps.clock.now();
  const since = new Date(now.getTime() - 2 * deps.config.email.webhookMaxAgeSeconds * 1000);
  return deps.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('email_webhook_nonces').where('created_at', '<', since).execute();
    const fresh = await trx.insertInto('email_webhook_nonces').values({ provider: req.provider, nonce: verified.nonce.slice(0, 500), created_at: now }).onConflict((oc) => oc.doNothing()).returning('nonce').executeTakeFirst();
    // Postmark retries with the same MessageID: the Message-ID dedupe makes that harmless, so no refusal.
    if (!fresh && req.provider !== 'postmark') throw refused('replayed request');
    const row = await trx.insertInto('email_inbox').values({ provider: req.provider, mailbox: address, raw: verified.raw, size_bytes: verified.raw.byteLength, received_at: now }).returning('id').executeTakeFirstOrThrow();
    return { id: row.id, status: 'queued' as const };
  });
}
