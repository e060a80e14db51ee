import type { Deps } from '../deps.js';
import type { RunningPoller } from './inbound/imap-poller.js';

export interface RunningEmailWorkers {
  /** Send due mail now instead of at the next tick. */
  poke(): void;
  stop(): Promise<void>;
}

/**
 * The email channel's background work inside `nexus serve` / `nexus worker`: one IMAP poller per
 * active IMAP account (accounts added later are picked up on the next refresh) and the outbox sender.
 */
export function startEmailWorkers(deps: Deps, options: { sendEveryMs?: number; refreshAccountsMs?: number; onError?: (error: unknown) => void } = {}): RunningEmailWorkers {
  const pollers = new Map<string, { updatedAt: number; poller: RunningPoller }>();
  let stopped = false;
  let sending: Promise<unknown> = Promise.resolve();
  const send = () => {
    if (stopped) return;
    sending = sending
      .then(async () => {
        // The transports (nodemailer, SDKs) load only once there is mail to send.
        const due = await deps.db.selectFrom('email_outbox').select('id').where('status', 'in', ['queued', 'sending']).where('next_attempt_at', '<=', deps.clock.now()).limit(1).executeTakeFirst();
        if (due) await (await import('./outbound/send-outbox.js')).sendQueuedMail(deps);
      })
      .catch((error: unknown) => options.onError?.(error));
  };
  const refresh = async () => {
    if (stopped) return;
    try {
      const accounts = await deps.db.selectFrom('email_accounts').selectAll().where('is_active', '=', true).execute();
      const wanted = new Map(accounts.filter((a) => (a.inbound as Record<string, unknown>).kind === 'imap').map((a) => [a.id, a]));
      for (const [id, running] of pollers) {
        const account = wanted.get(id);
        if (!account || account.updated_at.getTime() !== running.updatedAt) {
          pollers.delete(id);
          await running.poller.stop();
        }
      }
      const { startImapPoller } = wanted.size > 0 ? await import('./inbound/imap-poller.js') : { startImapPoller: null };
      for (const [id, account] of wanted) {
        if (startImapPoller && !pollers.has(id) && !stopped) pollers.set(id, { updatedAt: account.updated_at.getTime(), poller: startImapPoller(deps, account, { onError: options.onError }) });
      }
    } catch (error) {
      options.onError?.(error);
    }
  };
  const sendTimer = setInterval(send, options.sendEveryMs ?? 5_000);
  const refreshTimer = setInterval(() => void refresh(), options.refreshAccountsMs ?? 60_000);
  sendTimer.unref();
  refreshTimer.unref();
  void refresh();
  send();
  return {
    poke: send,
    async stop() {
      stopped = true;
      clearInterval(sendTimer);
      clearInterval(refreshTimer);
      await Promise.all([...pollers.values()].map((p) => p.poller.stop()));
      await sending;
    },
  };
}
