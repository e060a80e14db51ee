import type { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import { addAccount, type addAccountInput } from './accounts/add-account.js';
import { listAccounts, removeAccount, showAccount } from './accounts/list-accounts.js';
import { updateAccount, type updateAccountInput } from './accounts/update-account.js';
import { getEmailStatus } from './get-email-status.js';
import { editTemplate, listTemplates, previewTemplate, showTemplate, type editTemplateInput } from './templates/manage-templates.js';
import type { WebhookRequest } from './inbound/webhooks.js';
import { listOutbox, type listOutboxInput } from './outbound/list-outbox.js';
import type { TransportFactory } from './outbound/send-outbox.js';
import type { Deps } from '../deps.js';
import { startEmailWorkers, type RunningEmailWorkers } from './email-workers.js';
import type { ingestFilesInput } from './inbound/ingest-files.js';
import type { IngestInput } from './inbound/ingest-message.js';

/**
 * The email channel's use cases, bound to deps (services.ts spreads them under `email`). Whatever
 * pulls in the mail libraries (mailparser, imapflow, nodemailer, the SendGrid and AWS SDKs) is loaded
 * on first use, so commands that never touch mail do not pay for them at start-up.
 */
export function emailServices(deps: Deps) {
  const running = new Set<RunningEmailWorkers>();
  return {
    /** Replay raw messages in order, as a poll would (`nexus email ingest`). */
    ingestFiles: async (actor: Actor, input: z.input<typeof ingestFilesInput>) => (await import('./inbound/ingest-files.js')).ingestFiles(deps, actor, input),
    /** The one ingestion path (pollers and webhooks call it). */
    ingest: async (input: IngestInput) => (await import('./inbound/ingest-message.js')).ingestMessage(deps, input),
    accounts: {
      add: (actor: Actor, input: z.input<typeof addAccountInput>) => addAccount(deps, actor, input),
      list: (actor: Actor) => listAccounts(deps, actor),
      show: (actor: Actor, account: string) => showAccount(deps, actor, { account }),
      update: (actor: Actor, input: z.input<typeof updateAccountInput>) => updateAccount(deps, actor, input),
      remove: (actor: Actor, account: string) => removeAccount(deps, actor, { account }),
      test: async (actor: Actor, account: string, options?: { transportFor?: TransportFactory }) => (await import('./accounts/test-account.js')).testAccount(deps, actor, { account }, options),
    },
    /**
     * A provider's inbound webhook: verified, replay-checked and stored; this process's workers are
     * woken to ingest it (the answer does not wait for that).
     */
    receiveWebhook: async (request: WebhookRequest) => {
      const stored = await (await import('./inbound/webhooks.js')).receiveWebhook(deps, request);
      for (const workers of running) workers.pokeInbox();
      return stored;
    },
    /** Ingests the stored webhook messages that are due (workers run it; also tests and operators). */
    processInbox: async (options?: { max?: number }) => (await import('./inbound/webhook-inbox.js')).processInbox(deps, options),
    /** Starts the pollers, the webhook inbox processor and the outbox sender in this process. */
    startWorkers: (options?: { onError?: (error: unknown) => void }): RunningEmailWorkers => {
      const workers = startEmailWorkers(deps, options);
      running.add(workers);
      return {
        ...workers,
        stop: async () => {
          running.delete(workers);
          await workers.stop();
        },
      };
    },
    templates: {
      list: (actor: Actor) => listTemplates(deps, actor),
      show: (actor: Actor, key: string) => showTemplate(deps, actor, { key }),
      edit: (actor: Actor, input: z.input<typeof editTemplateInput>) => editTemplate(deps, actor, input),
      preview: (actor: Actor, input: { key: string; ticket?: number }) => previewTemplate(deps, actor, input),
    },
    poll: async (actor: Actor, input?: { account?: string }) => (await import('./inbound/imap-poller.js')).pollAccounts(deps, actor, input),
    status: (actor: Actor) => getEmailStatus(deps, actor),
    outbox: (actor: Actor, input?: z.input<typeof listOutboxInput>) => listOutbox(deps, actor, input),
    /** Sends every due mail of the queue once (workers, `nexus email send`, tests). */
    sendQueued: async (options?: { transportFor?: TransportFactory; max?: number }) => (await import('./outbound/send-outbox.js')).sendQueuedMail(deps, options),
  };
}
