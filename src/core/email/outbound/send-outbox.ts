import { sql, type Selectable } from 'kysely';
import type { Deps } from '../../deps.js';
import { openSecrets, type AccountRow } from '../accounts/account.js';
import type { EmailOutboxTable } from '../db-types.js';
import type { MailTransport } from '../mail-transport.js';
import { sendgridTransport, sesTransport, smtpTransport } from './transports.js';

export type OutboxRow = Selectable<EmailOutboxTable>;

/** Builds the transport of an account's outbound side; null means the deps' default mailer. */
export type TransportFactory = (account: AccountRow | null, deps: Deps) => MailTransport | null;

export const accountTransport: TransportFactory = (account, deps) => {
  if (!account) return null;
  const out = account.outbound as Record<string, unknown>;
  const secrets = openSecrets(deps.config.secretKey, account);
  switch (out.kind) {
    case 'smtp':
      return smtpTransport({ host: String(out.host), port: Number(out.port), secure: Boolean(out.secure), user: (out.user as string | undefined) ?? null, password: secrets.smtpPassword ?? null, rejectUnauthorized: out.rejectUnauthorized !== false });
    case 'sendgrid':
      return sendgridTransport({ apiKey: secrets.sendgridApiKey ?? '', baseUrl: (out.baseUrl as string | undefined) ?? null });
    case 'ses':
      return sesTransport({ region: String(out.region), accessKeyId: String(out.accessKeyId), secretAccessKey: secrets.sesSecretAccessKey ?? '', endpoint: (out.endpoint as string | undefined) ?? null });
    default:
      return null;
  }
};

const LEASE_SECONDS = 120;

/** Backoff after the n-th failed attempt: 30 s, 1 min, 2 min, … capped at one hour. */
export const retryDelayMs = (attempts: number): number => Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);

/** Claims the next mail that is due (or whose sender died mid-send), with a lease. */
async function claimNext(deps: Deps): Promise<OutboxRow | undefined> {
  const now = deps.clock.now();
  const { rows } = await sql<OutboxRow>`
    update email_outbox set status = 'sending', attempts = attempts + 1, locked_until = ${new Date(now.getTime() + LEASE_SECONDS * 1000)}
    where id = (
      select id from email_outbox
      where (status = 'queued' and next_attempt_at <= ${now}) or (status = 'sending' and locked_until < ${now})
      order by next_attempt_at, created_at limit 1
      for update skip locked)
    returning *`.execute(deps.db);
  return rows[0];
}

export interface SendResult {
  sent: number;
  failed: number;
  retried: number;
}

/**
 * Sends every due mail of the queue once. A provider error leaves the mail queued with a backoff
 * (and marks it failed after `email.sendRetries` attempts); the ticket change that queued it stands.
 */
export async function sendQueuedMail(deps: Deps, options: { transportFor?: TransportFactory; max?: number } = {}): Promise<SendResult> {
  const factory = options.transportFor ?? accountTransport;
  const result: SendResult = { sent: 0, failed: 0, retried: 0 };
  const cache = new Map<string, MailTransport | null>();
  try {
    for (let i = 0; i < (options.max ?? 1000); i += 1) {
      const mail = await claimNext(deps);
      if (!mail) break;
      try {
        let transport: MailTransport | null | undefined = cache.get(mail.account_id ?? '');
        if (transport === undefined) {
          const account = mail.account_id ? await deps.db.selectFrom('email_accounts').selectAll().where('id', '=', mail.account_id).executeTakeFirst() : undefined;
          transport = factory(account ?? null, deps);
          cache.set(mail.account_id ?? '', transport);
        }
        transport ??= deps.mailer;
        if (!transport) throw new Error('No outbound transport: configure a mail account (`nexus email accounts add`)');
        const sent = await transport.send({ from: mail.from_address, to: mail.to_address, subject: mail.subject, text: mail.text_body, html: mail.html_body ?? undefined, headers: mail.headers });
        await markSent(deps, mail, sent.id);
        result.sent += 1;
      } catch (error) {
        const message = (error as Error).message?.slice(0, 500) || String(error);
        const final = mail.attempts >= deps.config.email.sendRetries;
        await deps.db
          .updateTable('email_outbox')
          .set({ status: final ? 'failed' : 'queued', last_error: message, locked_until: null, next_attempt_at: new Date(deps.clock.now().getTime() + retryDelayMs(mail.attempts)) })
          .where('id', '=', mail.id)
          .execute();
        if (final) result.failed += 1;
        else result.retried += 1;
      }
    }
  } finally {
    for (const transport of cache.values()) transport?.close?.();
  }
  return result;
}

async function markSent(deps: Deps, mail: OutboxRow, providerId: string): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await trx.updateTable('email_outbox').set({ status: 'sent', sent_at: now, locked_until: null, last_error: null, provider_message_id: providerId || null }).where('id', '=', mail.id).execute();
    await trx.updateTable('email_messages').set({ sent_at: now }).where('message_id', '=', mail.message_id).where('direction', '=', 'outbound').execute();
    // SES replaces the Message-ID: the id the customer's client will quote is the provider's, so it
    // threads back too (ours stays in References).
    if (providerId && providerId !== mail.message_id && mail.ticket_id) {
      const mailbox = /<?([^<>\s]+@[^<>\s]+)>?$/.exec(mail.from_address)?.[1]?.toLowerCase() ?? mail.from_address;
      await trx
        .insertInto('email_messages')
        .values({ mailbox, message_id: providerId, direction: 'outbound', decision: 'sent', ticket_id: mail.ticket_id, from_address: mailbox, subject: mail.subject, created_at: now, sent_at: now })
        .onConflict((oc) => oc.doNothing())
        .execute();
    }
  });
}
