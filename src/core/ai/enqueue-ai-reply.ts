import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { CustomerMessageEvent, Deps, TicketHooks } from '../deps.js';
import { enqueueAiJob } from '../jobs/ai-queue.js';
import { aiDisabledReason } from './runtime.js';

/**
 * Enqueues the AI job for a stored customer message, in the caller's transaction: the job exists
 * exactly when the message does (unless the AI is off for the whole desk). When the answer is already
 * known (automated sender) the job is written as done, so `outcome()` answers at once and no worker is needed.
 */
export async function enqueueAiReply(deps: Deps, trx: Transaction<DB>, event: CustomerMessageEvent): Promise<void> {
  // With the AI off for the whole desk there is nothing to do, now or later (outcome() answers
  // `disabled` from the config alone): writing no job keeps the busiest write path short.
  if (aiDisabledReason(deps.config, deps)) return;
  const at = deps.clock.now();
  const done = event.isAutomated ? { outcome: 'disabled' as const, data: { reason: 'automated_sender' } } : undefined;
  await enqueueAiJob(trx, { messageId: event.messageId, ticketId: event.ticketId, at, done });
}

/**
 * The ticket hooks the AI pipeline attaches (createServices installs them unless the edge passes its own).
 * With the AI off for the whole desk (the config and ports do not change while the services live) there
 * is no hook at all, so a customer's new ticket needs no transaction around it (createTicket's one statement).
 */
export function aiTicketHooks(deps: Deps): TicketHooks {
  if (aiDisabledReason(deps.config, deps)) return {};
  return { customerMessageAdded: (trx, event) => enqueueAiReply(deps, trx, event) };
}
