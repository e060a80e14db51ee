import type { Deps } from '../deps.js';
import { rowToMessage, type Message } from '../tickets/ticket.js';
import { aiDisabledReason } from './runtime.js';

/** What happened (so far) to the AI reply for one customer message: the create/reply API includes it. */
export type AiReplyOutcome =
  | { status: 'replied'; message: Message }
  | { status: 'queued' }
  | { status: 'rate_limited'; waitSeconds: number }
  | { status: 'human_assigned' }
  | { status: 'disabled'; reason: string }
  | { status: 'handed_off'; reason: string };

const POLL_MS = 100;

/**
 * The AI outcome for a customer message the caller just stored, waiting up to `waitMs` for the job
 * to finish (a worker, in this process or another, runs it). Internal to the ticket routes: the
 * caller has already authorised the message it created, so no actor is checked here.
 */
export async function getAiOutcome(deps: Deps, messageId: string, options: { waitMs?: number } = {}): Promise<AiReplyOutcome> {
  // With the AI off for the whole desk every job is stored as done/disabled: no need to read it back.
  if (aiDisabledReason(deps.config, deps)) return { status: 'disabled', reason: 'ai_off' };
  const deadline = Date.now() + (options.waitMs ?? 0);
  const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
  for (;;) {
    const job = await deps.db.selectFrom('ai_jobs').selectAll().where('message_id', '=', messageId).executeTakeFirst();
    if (!job) return { status: 'disabled', reason: 'not_queued' };
    if (job.status === 'done' && job.outcome) return present(deps, job.outcome, job.outcome_data, job.reply_message_id);
    const left = deadline - Date.now();
    if (left <= 0) return { status: 'queued' };
    await sleep(Math.min(POLL_MS, left));
  }
}

async function present(deps: Deps, outcome: string, data: Record<string, unknown>, replyId: string | null): Promise<AiReplyOutcome> {
  const reason = typeof data.reason === 'string' ? data.reason : 'unknown';
  switch (outcome) {
    case 'replied': {
      const row = replyId ? await deps.db.selectFrom('messages').selectAll().where('id', '=', replyId).executeTakeFirst() : undefined;
      return row ? { status: 'replied', message: rowToMessage(row, null) } : { status: 'handed_off', reason: 'reply_removed' };
    }
    case 'rate_limited':
      return { status: 'rate_limited', waitSeconds: Number(data.waitSeconds ?? 1) };
    case 'human_assigned':
      return { status: 'human_assigned' };
    case 'disabled':
      return { status: 'disabled', reason };
    default:
      return { status: 'handed_off', reason };
  }
}
