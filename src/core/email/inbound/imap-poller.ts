import type { ImapFlow } from 'imapflow';
import { authorize, type Actor } from '../../access/permissions.js';
import type { Deps } from '../../deps.js';
import type { AccountRow } from '../accounts/account.js';
import { findAccount } from '../accounts/list-accounts.js';
import { describeMailError } from '../accounts/test-account.js';
import { imapSettings, newImapClient, recordPollError, syncMailbox, type SyncResult } from './imap-sync.js';

export interface PollReport {
  account: string;
  ok: boolean;
  fetched: number;
  decisions: SyncResult['decisions'];
  resynced: boolean;
  error: string | null;
}

/** Connects, syncs once, logs out (`nexus email poll`, cron). A failure is reported, never thrown. */
export async function pollAccountOnce(deps: Deps, account: AccountRow, options: { onIngested?: (uid: number, decision: string) => void } = {}): Promise<PollReport> {
  const settings = imapSettings(deps, account);
  if (!settings) return { account: account.address, ok: true, fetched: 0, decisions: {}, resynced: false, error: null };
  const client = newImapClient(settings);
  try {
    await client.connect();
    const result = await syncMailbox(deps, client, account, settings, options);
    return { account: account.address, ok: true, fetched: result.fetched, decisions: result.decisions, resynced: result.resynced, error: null };
  } catch (error) {
    const message = describeMailError(error);
    await recordPollError(deps, account.id, settings.mailbox, message);
    return { account: account.address, ok: false, fetched: 0, decisions: {}, resynced: false, error: message };
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** `nexus email poll [--account A]`: every active IMAP account, or one. Admin only. */
export async function pollAccounts(deps: Deps, actor: Actor, input: { account?: string } = {}): Promise<{ items: PollReport[]; nextCursor: null }> {
  authorize(actor, 'email.manage');
  const accounts = input.account ? [await findAccount(deps.db, input.account)] : await deps.db.selectFrom('email_accounts').selectAll().where('is_active', '=', true).orderBy('address').execute();
  const items: PollReport[] = [];
  for (const account of accounts) if ((account.inbound as Record<string, unknown>).kind === 'imap') items.push(await pollAccountOnce(deps, account));
  return { items, nextCursor: null };
}

export interface RunningPoller {
  stop(): Promise<void>;
}

/**
 * Keeps one account's folder in sync until stopped: sync, then wait for IDLE's EXISTS (when the server
 * offers IDLE) or the poll interval, and sync again. A dropped connection gets a new client after a
 * backoff (imapflow does not reconnect); each failure is recorded for `nexus email status`.
 */
export function startImapPoller(deps: Deps, account: AccountRow, options: { onError?: (error: unknown) => void } = {}): RunningPoller {
  const settings = imapSettings(deps, account);
  let stopped = false;
  let wake: (() => void) | undefined;
  let client: ImapFlow | undefined;
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = undefined;
        resolve();
      }
      wake = done;
    });
  const run = async () => {
    if (!settings) return;
    let failures = 0;
    while (!stopped) {
      client = newImapClient(settings);
      const current = client;
      try {
        await current.connect();
        current.on('exists', () => wake?.());
        current.on('close', () => wake?.());
        failures = 0;
        while (!stopped && current.usable) {
          await syncMailbox(deps, current, account, settings);
          // imapflow IDLEs on its own while no command runs; EXISTS wakes us. Without IDLE, poll.
          await pause(current.capabilities.has('IDLE') ? 10 * 60_000 : deps.config.email.pollSeconds * 1000);
        }
      } catch (error) {
        failures += 1;
        options.onError?.(error);
        await recordPollError(deps, account.id, settings.mailbox, describeMailError(error)).catch(() => {});
        if (!stopped) await pause(Math.min(1000 * 2 ** failures, 5 * 60_000));
      } finally {
        await current.logout().catch(() => current.close());
      }
    }
  };
  const running = run();
  return {
    stop: async () => {
      stopped = true;
      wake?.();
      client?.close();
      await running;
    },
  };
}
