import type { Deps } from '../deps.js';
import type { RunningPoller } from './inbound/imap-poller.js';

export interface RunningEmailWorkers {
  /** Send due mail and process the webhook inbox now instead of at the next tick. */
  poke(): void;
  /** Process the webhook inbox now (a webhook just stored a message). */
  pokeInbox(): void;
  stop(): Promise<void>;
}

/**
 * The email channel's background work inside `nexus serve` / `nexus worker`: one IMAP poller per
 * active IMAP account (accounts added later are picked up on the next refresh), the processor of the
 * webhook inbox and the outbox sender.
 */
export function startEmailWorkers(deps: Deps, options: { sendEveryMs?: number; refreshAccountsMs?: number; inboxEveryMs?: number; onError?: (error: unknown) => void } = {}): RunningEmailWorkers {
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
  // The webhook inbox: one run at a time; a poke during a run asks for one more run after it.
  let processing: Promise<unknown> = Promise.resolve();
  let inboxRunning = false;
  let inboxAgain = false;
  const processInbox = () => {
    if (stopped) return;
    if (inboxRunning) {
      inboxAgain = true;
      return;
    }
    inboxRunning = true;
    processing = (async () => {
      try {
        do {
          inboxAgain = false;
          const due = await deps.db.selectFrom('email_inbox').select('id').where('status', '<>', 'done').limit(1).executeTakeFirst();
          // The intake (mailparser, the use cases) loads only once a webhook stored something.
          if (due) {
            const run = await (await import('./inbound/webhook-inbox.js')).processInbox(deps);
            // Intake may have queued acknowledgements: send them now rather than at the next tick.
            if (run.processed > 0) send();
          }
        } while (inboxAgain && !stopped);
      } catch (error) {
        options.onError?.(error);
      } finally {
        inboxRunning = false;
      }
    })();
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
  // The timer catches what a poke missed: rows stored by another process, or left by one that died.
  const inboxTimer = setInterval(processInbox, options.inboxEveryMs ?? 2_000);
  sendTimer.unref();
  refreshTimer.unref();
  inboxTimer.unref();
  void refresh();
  send();
  processInbox();
  return {
    poke: () => {
      send();
      processInbox();
    },
    pokeInbox: processInbox,
    async stop() {
      stopped = true;
      clearInterval(sendTimer);
      clearInterval(refreshTimer);
      clearInterval(inboxTimer);
      await Promise.all([...pollers.values()].map((p) => p.poller.stop()));
      await processing;
      await sending;
    },
  };
}
