import type { Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { Deps } from '../deps.js';
import { finishAiJob, type AiJob } from '../jobs/ai-queue.js';
import { announceStaffMessage } from '../tickets/ticket-changes.js';
import { recordEvent, type TicketRow } from '../tickets/ticket.js';
import { estimateCostUsd } from './cost.js';
import { replyFilters } from './filters.js';
import { findForeignIdentifiers } from './foreign-identifiers.js';
import { handOffToHuman } from './handoff.js';
import { adjustTokens } from './limits.js';
import type { LlmResult } from './llm.js';
import { upsertTrace } from './traces-store.js';
import type { ReferencePassage } from './context.js';
import { citedArticles, storeCitations } from '../kb/citations.js';
import { companyProfile } from './company-profile.js';
import { CLARIFIED_EVENT, isClarifyingQuestion } from './clarify.js';

export interface AnswerMeta {
  model: string;
  attempts: number;
  latencyMs: number;
  startedAt: Date;
  canary: string;
  /** The customer message being answered (the guard refuses to echo its payloads). */
  customerMessage: string;
  now: Date;
  /** Tokens taken from the global per-minute budget before the call (an estimate). */
  reservedTokens: number;
  /** issue 13: the knowledge-base passages the model was given; citations must be among them. */
  references?: ReferencePassage[];
  /** issue 13: no passage matched: the reply may only be one clarifying question (clarify.ts). */
  clarify?: boolean;
}

/**
 * Last transaction of a job with a model answer: a human took over meanwhile → nothing sent;
 * needsHuman or low confidence → handoff; otherwise redact, guard (canary, other tickets'
 * identifiers) and store the reply, or hand off when the guard blocks it.
 */
export async function storeModelAnswer(trx: Transaction<DB>, deps: Deps, job: AiJob, ticket: TicketRow, result: LlmResult, meta: AnswerMeta): Promise<void> {
  const { answer } = result;
  const now = meta.now;
  const costUsd = estimateCostUsd(result.model, result.tokensIn, result.tokensOut);
  const trace = {
    ticketId: ticket.id,
    messageId: job.message_id,
    model: result.model,
    at: meta.startedAt,
    finishedAt: now,
    tokensIn: result.tokensIn,
    tokensOut: result.tokensOut,
    latencyMs: meta.latencyMs,
    costUsd,
    confidence: answer.confidence,
    attempts: meta.attempts,
  };
  await adjustTokens(trx, meta.startedAt, result.tokensIn + result.tokensOut - meta.reservedTokens);

  if (ticket.deleted_at || ticket.status === 'closed' || ticket.status === 'assigned' || ticket.status === 'escalated' || ticket.assignee_id) {
    await upsertTrace(trx, { ...trace, outcome: 'handed_off', reason: 'human_took_over' });
    await finishAiJob(trx, job, now, 'human_assigned', { reason: 'human_took_over' });
    return;
  }
  // `reason` reaches the customer (the API's outcome): fixed words only. `detail` (the model's own
  // text) stays in staff-only places: the trace and the ticket history.
  const handOff = async (outcome: 'handed_off' | 'blocked', reason: string, extra: { redactions?: { type: string; start: number; end: number }[]; detail?: string } = {}) => {
    const ackId = await handOffToHuman(trx, ticket, extra.detail ?? reason, now);
    await upsertTrace(trx, { ...trace, redactions: extra.redactions, outcome, reason: extra.detail ?? reason });
    await finishAiJob(trx, job, now, 'handed_off', { reason, acknowledgementId: ackId });
  };

  if (answer.needsHuman) return handOff('handed_off', 'model_needs_human', { detail: `model: ${answer.reason || 'needs a human'}`.slice(0, 300) });
  if (answer.confidence < deps.config.ai.minConfidence) return handOff('handed_off', 'low_confidence');
  if (!answer.reply.trim()) return handOff('handed_off', 'empty_reply');
  // issue 13: with nothing in the knowledge base, anything but one short question back is an invented answer.
  if (meta.clarify && !isClarifyingQuestion(answer.reply)) return handOff('handed_off', 'no_kb_answer', { detail: 'no_kb_answer: the model answered without a matching article instead of asking one clarifying question' });

  // The guard reads the model's own words (before redaction hides anything); the redactor then
  // cleans what is stored and sent.
  const foreign = await findForeignIdentifiers(trx, { id: ticket.id, number: ticket.number, customerId: ticket.customer_id }, answer.reply);
  const company = companyProfile(deps.config);
  const verdict = replyFilters.guard(answer.reply, { canary: meta.canary, foreignIdentifiers: foreign, customerMessage: meta.customerMessage, companyEmails: company.emails, companyDomains: company.domains });
  const redacted = replyFilters.redact(answer.reply, { allowedEmails: company.emails, allowedPhones: company.phones });
  if (verdict.blocked) return handOff('blocked', 'output_blocked', { redactions: redacted.findings, detail: `output_blocked: ${verdict.reasons.join(', ')}` });

  const message = await trx
    .insertInto('messages')
    .values({ ticket_id: ticket.id, kind: 'ai', author_id: null, body: redacted.text, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  // issue 13: only articles the model was actually given can be cited.
  const citations = citedArticles(answer.citations ?? [], meta.references ?? []);
  await storeCitations(trx, message.id, citations);
  await trx
    .updateTable('tickets')
    .set({ first_response_at: ticket.first_response_at ?? now, last_response_at: now, updated_at: now })
    .where('id', '=', ticket.id)
    .execute();
  if (!ticket.first_response_at) await recordEvent(trx, { ticketId: ticket.id, actorId: null, type: 'ticket.first_response', data: { messageId: message.id, by: 'ai' }, at: now });
  await recordEvent(trx, { ticketId: ticket.id, actorId: null, type: 'ai.replied', data: { messageId: message.id, inReplyTo: job.message_id, confidence: answer.confidence }, at: now });
  if (meta.clarify) await recordEvent(trx, { ticketId: ticket.id, actorId: null, type: CLARIFIED_EVENT, data: { messageId: message.id, inReplyTo: job.message_id }, at: now });
  await upsertTrace(trx, { ...trace, outcome: 'replied', replyMessageId: message.id, redactions: redacted.findings, citations, ...(meta.clarify ? { reason: 'clarifying_question' } : {}) });
  await finishAiJob(trx, job, now, 'replied', {}, message.id);
  await announceStaffMessage(deps, trx, ticket, { id: message.id, author_id: null, body: redacted.text }, 'ai');
}
