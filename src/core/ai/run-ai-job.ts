import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { claimNextAiJob, deferAiJob, finishAiJob, holdsLease, type AiJob } from '../jobs/ai-queue.js';
import type { TicketRow } from '../tickets/ticket.js';
import { admitCall, recordCall, releaseProbe } from './breaker.js';
import { buildContext, type BuiltContext } from './context.js';
import { replyFilters } from './filters.js';
import { handOffToHuman } from './handoff.js';
import { checkTicketWindow, spentToday, takeGlobalBudget } from './limits.js';
import { withRetry } from './retry.js';
import { aiDisabledReason, breakerSettings, canaryOf, leaseSeconds, llmOf, retryPolicy, retryTools } from './runtime.js';
import { storeModelAnswer } from './store-answer.js';
import { upsertTrace } from './traces-store.js';
import { findGrounding, NO_GROUNDING, type Grounding } from '../kb/grounding.js';
import { companyProfile, publishedContacts } from './company-profile.js';
import { alreadyClarified } from './clarify.js';

/** Thread tokens sent to the model at most (the system prompt comes on top). */
const THREAD_BUDGET_TOKENS = 6000;
const MAX_OUTPUT_TOKENS = 800;
/** Claims of one job (crashed or failed runs) before it is handed to a human. */
const MAX_JOB_ATTEMPTS = 5;
const RETRY_FAILED_JOB_MS = 30_000;

type Plan = { kind: 'settled' } | { kind: 'call'; context: BuiltContext; ticket: TicketRow; reservedTokens: number; customerMessage: string; grounding: Grounding; clarify: boolean };

/**
 * Claims and runs one queued AI job. Returns false when the queue had nothing ready.
 * Never throws for model or provider failures: those end as a handoff with the safe acknowledgement.
 */
export async function runNextAiJob(deps: Deps): Promise<boolean> {
  const job = await claimNextAiJob(deps.db, deps.clock.now(), leaseSeconds(deps.config));
  if (!job) return false;
  if (job.attempts > MAX_JOB_ATTEMPTS) {
    await giveUp(deps, job);
    return true;
  }
  try {
    await runAiJob(deps, job);
  } catch (error) {
    // A bug or the database going away: put the job back (later, not at lease expiry) and report.
    await deps.db.transaction().execute(async (trx) => {
      if (await holdsLease(trx, job)) await deferAiJob(trx, job, new Date(deps.clock.now().getTime() + RETRY_FAILED_JOB_MS * job.attempts));
    });
    throw error;
  }
  return true;
}

/** A job that keeps failing (not the model: the job itself) goes to a human instead of looping. */
async function giveUp(deps: Deps, job: AiJob): Promise<void> {
  await deps.db.transaction().execute(async (trx) => {
    if (!(await holdsLease(trx, job))) return;
    const now = deps.clock.now();
    const ticket = await trx.selectFrom('tickets').selectAll().where('id', '=', job.ticket_id).forUpdate().executeTakeFirstOrThrow();
    await handOff(trx, job, ticket, 'job_failed', now, { model: deps.config.ai.model, attempts: 0, latencyMs: 0, startedAt: now, outcome: 'failed', error: `gave up after ${job.attempts - 1} attempts` });
  });
}

export async function runAiJob(deps: Deps, job: AiJob): Promise<void> {
  // issue 13: knowledge-base passages for the question, found before the locking transaction (the
  // embedding call may take a while).
  const grounding = await groundingFor(deps, job);
  const plan = await deps.db.transaction().execute((trx) => decide(deps, trx, job, grounding));
  if (plan.kind === 'settled') return;

  const started = deps.clock.now();
  const t0 = performance.now();
  const llm = await llmOf(deps);
  const call = await withRetry(
    () => llm.complete({ model: deps.config.ai.model, messages: plan.context.messages, timeoutMs: deps.config.ai.timeoutSeconds * 1000, maxOutputTokens: MAX_OUTPUT_TOKENS }),
    retryPolicy(deps.config),
    retryTools(deps),
  );
  const latencyMs = Math.round(performance.now() - t0);
  await recordCall(deps.db, deps.clock.now(), breakerSettings(deps.config), call.value ? { ok: true } : { ok: false, error: call.error?.message ?? 'failed' });

  await deps.db.transaction().execute(async (trx) => {
    if (!(await holdsLease(trx, job))) return; // another worker took the job over: it answers, not us
    const now = deps.clock.now();
    const ticket = await trx.selectFrom('tickets').selectAll().where('id', '=', job.ticket_id).forUpdate().executeTakeFirstOrThrow();
    const base = { model: deps.config.ai.model, attempts: call.attempts, latencyMs, startedAt: started };
    if (!call.value) {
      const reason = call.error?.kind === 'insufficient_quota' ? 'provider_quota' : 'model_unavailable';
      await handOff(trx, job, ticket, reason, now, { ...base, outcome: 'failed', error: call.error?.message ?? null });
      return;
    }
    await storeModelAnswer(trx, deps, job, ticket, call.value, { ...base, canary: canaryOf(deps), customerMessage: plan.customerMessage, now, reservedTokens: plan.reservedTokens, references: plan.grounding.passages, clarify: plan.clarify });
  });
}

/** First transaction: every check that can settle the job without the model, and the slot reservation. */
/** issue 13: the question (subject and message) looked up in the published knowledge base. */
async function groundingFor(deps: Deps, job: AiJob): Promise<Grounding> {
  if (aiDisabledReason(deps.config, deps)) return NO_GROUNDING;
  const row = await deps.db
    .selectFrom('messages')
    .innerJoin('tickets', 'tickets.id', 'messages.ticket_id')
    .select(['messages.body', 'tickets.subject'])
    .where('messages.id', '=', job.message_id)
    .executeTakeFirst();
  return row ? findGrounding(deps, `${row.subject}\n${row.body}`.slice(0, 1000)) : NO_GROUNDING;
}

async function decide(deps: Deps, trx: Transaction<DB>, job: AiJob, grounding: Grounding): Promise<Plan> {
  if (!(await holdsLease(trx, job))) return { kind: 'settled' };
  const now = deps.clock.now();
  const ai = deps.config.ai;
  const ticket = await trx.selectFrom('tickets').selectAll().where('id', '=', job.ticket_id).forUpdate().executeTakeFirstOrThrow();
  const message = await trx.selectFrom('messages').select(['body', 'created_at']).where('id', '=', job.message_id).executeTakeFirstOrThrow();
  const finish = async (outcome: Parameters<typeof finishAiJob>[3], data: Record<string, unknown> = {}) => {
    await finishAiJob(trx, job, now, outcome, data);
    return { kind: 'settled' } as const;
  };

  const off = aiDisabledReason(deps.config, deps);
  if (off) return finish('disabled', { reason: 'ai_off', detail: off });
  if (ticket.deleted_at) return finish('disabled', { reason: 'ticket_deleted' });
  if (!ticket.ai_enabled) return finish('disabled', { reason: 'ticket_ai_off' });
  if (ticket.status === 'closed') return finish('disabled', { reason: 'ticket_closed' });
  if (ticket.status === 'assigned' || ticket.assignee_id) return finish('human_assigned', { reason: 'assigned' });
  if (ticket.status === 'escalated') return finish('human_assigned', { reason: 'escalated' });
  const trace = { model: ai.model, attempts: 0, latencyMs: 0, startedAt: now };
  // The subject is customer-written too: an instruction hidden there counts like one in the body.
  const inbound = (deps.ai?.classifyInbound ?? replyFilters.classifyInbound)(`${ticket.subject}\n${message.body}`);
  if (inbound.handoff) {
    // issue 13: distress and threats (`safety`) keep their reason internal: the customer's outcome says only that a person answers.
    const publicReason = inbound.reason === 'safety' ? 'needs_human' : undefined;
    await handOff(trx, job, ticket, inbound.reason ?? 'classifier', now, { ...trace, outcome: 'handed_off', error: inbound.signals.join(' ') || null }, publicReason);
    return { kind: 'settled' };
  }
  // issue 13: the desk has a knowledge base and nothing in it answers this: never a guess. The model
  // may ask one clarifying question (clarify.ts); a ticket that already had one goes to a person.
  const clarify = grounding.kbInUse && grounding.passages.length === 0;
  if (clarify && (await alreadyClarified(trx, ticket.id))) {
    await handOff(trx, job, ticket, 'no_kb_answer', now, { ...trace, outcome: 'handed_off', error: 'no published article matches above kb.minScore (a clarifying question was already asked)' });
    return { kind: 'settled' };
  }

  const window = await checkTicketWindow(trx, ticket.id, now, ai.replyMaxPerWindow, ai.replyWindowSeconds);
  if (!window.allowed) {
    await upsertTrace(trx, { ticketId: ticket.id, messageId: job.message_id, model: ai.model, outcome: 'rate_limited', reason: `per-ticket limit: wait ${window.waitSeconds} s`, at: now, finishedAt: now });
    return finish('rate_limited', { waitSeconds: window.waitSeconds });
  }

  if ((await spentToday(trx, now)) >= ai.dailyBudgetUsd) {
    await handOff(trx, job, ticket, 'daily_budget_reached', now, { ...trace, outcome: 'failed', error: 'daily budget reached' });
    return { kind: 'settled' };
  }
  const admitted = await admitCall(trx, now, breakerSettings(deps.config));
  if (!admitted.allowed) {
    await handOff(trx, job, ticket, 'breaker_open', now, { ...trace, outcome: 'failed', error: 'circuit breaker open' });
    return { kind: 'settled' };
  }

  const company = companyProfile(deps.config);
  const thread = await trx.selectFrom('messages').select(['kind', 'body']).where('ticket_id', '=', ticket.id).where('audience', '=', 'everyone').where('created_at', '<=', message.created_at).orderBy('created_at').orderBy('id').execute();
  const context = buildContext({
    prompt: { company: company.name ?? 'our company', canary: canaryOf(deps), contacts: publishedContacts(company) },
    ticket: { number: ticket.number, subject: ticket.subject },
    thread,
    budgetTokens: THREAD_BUDGET_TOKENS,
    references: grounding.passages,
    clarify,
  });
  const reservedTokens = context.estimatedTokens + MAX_OUTPUT_TOKENS;
  const budget = await takeGlobalBudget(trx, now, ai, reservedTokens);
  if (!budget.allowed) {
    if (admitted.probe) await releaseProbe(trx, now);
    await deferAiJob(trx, job, budget.retryAt);
    return { kind: 'settled' };
  }
  // Reserve the per-ticket slot: a pending trace counts against the window for concurrent jobs.
  await upsertTrace(trx, { ticketId: ticket.id, messageId: job.message_id, model: ai.model, outcome: 'pending', at: now });
  return { kind: 'call', context, ticket, reservedTokens, customerMessage: message.body, grounding, clarify };
}

interface HandoffTrace {
  model: string;
  attempts: number;
  latencyMs: number;
  startedAt: Date;
  outcome: 'handed_off' | 'failed';
  error?: string | null;
}

async function handOff(trx: Transaction<DB>, job: AiJob, ticket: TicketRow, reason: string, now: Date, trace: HandoffTrace, publicReason?: string): Promise<void> {
  const messageId = await handOffToHuman(trx, ticket, reason, now);
  await upsertTrace(trx, {
    ticketId: ticket.id,
    messageId: job.message_id,
    model: trace.model,
    outcome: trace.outcome,
    reason,
    error: trace.error ?? null,
    attempts: trace.attempts,
    latencyMs: trace.latencyMs,
    at: trace.startedAt,
    finishedAt: now,
  });
  await finishAiJob(trx, job, now, 'handed_off', { reason: publicReason ?? reason, acknowledgementId: messageId });
}
