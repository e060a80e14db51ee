import { sql } from 'kysely';
import { ImapFlow } from 'imapflow';
import type { Deps } from '../../deps.js';
import { openSecrets, type AccountRow } from '../accounts/account.js';
import { newIntakeBatch } from './intake-batch.js';
import { ingestMessage, type EmailDecision } from './ingest-message.js';

export interface ImapSettings {
  host: string;
  port: number;
  tls: boolean;
  user: string;
  password: string;
  mailbox: string;
  deleteAfterImport: boolean;
}

export function imapSettings(deps: Deps, account: AccountRow): ImapSettings | null {
  const inbound = account.inbound as Record<string, unknown>;
  if (inbound.kind !== 'imap') return null;
  return {
    host: String(inbound.host),
    port: Number(inbound.port ?? 993),
    tls: inbound.tls !== false,
    user: String(inbound.user),
    password: openSecrets(deps.config.secretKey, account).imapPassword ?? '',
    mailbox: String(inbound.mailbox ?? 'INBOX'),
    deleteAfterImport: inbound.deleteAfterImport === true,
  };
}

/** A new client per connection: imapflow does not reconnect, so a closed client is replaced. */
export function newImapClient(settings: ImapSettings): ImapFlow {
  const client = new ImapFlow({
    host: settings.host,
    port: settings.port,
    secure: settings.tls,
    auth: { user: settings.user, pass: settings.password },
    logger: false,
    connectionTimeout: 20_000,
    greetingTimeout: 15_000,
    // RFC 2177: re-issue IDLE well within 29 minutes.
    maxIdleTime: 20 * 60_000,
  });
  client.on('error', () => {});
  return client;
}

export interface SyncResult {
  uidValidity: string;
  fetched: number;
  decisions: Partial<Record<EmailDecision, number>>;
  resynced: boolean;
}

/** How many messages are fetched (into memory) before they are ingested; no command runs inside a fetch. */
const BATCH = 25;

/**
 * One pass over the account's folder on an open client: every UID above the checkpoint, oldest first,
 * ingested one by one with the checkpoint advanced in the same transaction as each message. A new
 * UIDVALIDITY starts over at UID 0; the (mailbox, Message-ID) dedupe makes that re-sync idempotent.
 */
export async function syncMailbox(deps: Deps, client: ImapFlow, account: AccountRow, settings: ImapSettings, options: { onIngested?: (uid: number, decision: EmailDecision) => void } = {}): Promise<SyncResult> {
  const lock = await client.getMailboxLock(settings.mailbox);
  try {
    const box = client.mailbox;
    if (!box) throw new Error(`Mailbox ${settings.mailbox} is not open`);
    const uidValidity = String(box.uidValidity);
    const stored = await deps.db.selectFrom('email_checkpoints').select(['uid_validity', 'last_uid']).where('account_id', '=', account.id).where('mailbox', '=', settings.mailbox).executeTakeFirst();
    const resynced = stored !== undefined && stored.uid_validity !== uidValidity;
    const lastUid = stored && !resynced ? Number(stored.last_uid) : 0;
    const found = (await client.search({ uid: `${lastUid + 1}:*` }, { uid: true })) || [];
    // RFC 3501 §6.4.8: "N:*" always includes the last message, even below N.
    const uids = found.filter((uid) => uid > lastUid).sort((a, b) => a - b);
    const result: SyncResult = { uidValidity, fetched: 0, decisions: {}, resynced };
    await setBacklog(deps, account.id, settings.mailbox, uidValidity, uids.length, lastUid);
    // One pass is one delivery: the mailbox and the templates are read once for all its messages.
    const batch = newIntakeBatch();
    for (let i = 0; i < uids.length; i += BATCH) {
      const chunk = uids.slice(i, i + BATCH);
      const messages = await client.fetchAll(chunk.join(','), { uid: true, source: true }, { uid: true });
      messages.sort((a, b) => a.uid - b.uid);
      for (const message of messages) {
        if (!message.source) continue;
        const ingested = await ingestMessage(deps, { mailbox: account.address, raw: message.source, checkpoint: { accountId: account.id, mailbox: settings.mailbox, uidValidity, uid: message.uid }, batch });
        result.fetched += 1;
        result.decisions[ingested.decision] = (result.decisions[ingested.decision] ?? 0) + 1;
        options.onIngested?.(message.uid, ingested.decision);
      }
      if (settings.deleteAfterImport && messages.length > 0) await client.messageDelete(messages.map((m) => m.uid).join(','), { uid: true });
      await setBacklog(deps, account.id, settings.mailbox, uidValidity, uids.length - i - chunk.length, null);
    }
    await deps.db.updateTable('email_checkpoints').set({ last_poll_at: deps.clock.now(), last_error: null }).where('account_id', '=', account.id).where('mailbox', '=', settings.mailbox).execute();
    return result;
  } finally {
    lock.release();
  }
}

async function setBacklog(deps: Deps, accountId: string, mailbox: string, uidValidity: string, backlog: number, resetTo: number | null): Promise<void> {
  await sql`
    insert into email_checkpoints (account_id, mailbox, uid_validity, last_uid, backlog, updated_at)
    values (${accountId}, ${mailbox}, ${uidValidity}, ${resetTo ?? 0}, ${backlog}, ${deps.clock.now()})
    on conflict (account_id, mailbox) do update set backlog = excluded.backlog,
      uid_validity = excluded.uid_validity,
      last_uid = case when ${resetTo}::bigint is not null and email_checkpoints.uid_validity <> excluded.uid_validity then excluded.last_uid else email_checkpoints.last_uid end`.execute(deps.db);
}

/** Records a failed poll where `nexus email status` shows it. */
export async function recordPollError(deps: Deps, accountId: string, mailbox: string, message: string): Promise<void> {
  const now = deps.clock.now();
  await sql`
    insert into email_checkpoints (account_id, mailbox, uid_validity, last_error, last_error_at, last_poll_at, updated_at)
    values (${accountId}, ${mailbox}, '', ${message.slice(0, 500)}, ${now}, ${now}, ${now})
    on conflict (account_id, mailbox) do update set last_error = excluded.last_error, last_error_at = excluded.last_error_at, last_poll_at = excluded.last_poll_at`.execute(deps.db);
}
