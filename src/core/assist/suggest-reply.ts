import { authorizeOnTickets, loadTicket } from '../tickets/ticket.js';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { buildContext } from '../ai/context.js';
import { replyFilters } from '../ai/filters.js';
import { findForeignIdentifiers } from '../ai/foreign-identifiers.js';
import { withRetry } from '../ai/retry.js';
import { aiDisabledReason, canaryOf, llmOf, retryPolicy, retryTools } from '../ai/runtime.js';
import { citedArticles } from '../kb/citations.js';
import { findGrounding } from '../kb/grounding.js';

const THREAD_BUDGET_TOKENS = 6000;

export interface SuggestedReply {
  ticketNumber: number;
  /** The drafted reply (redacted), or null when the output guard refused it. Never sent by itself. */
  draft: string | null;
  citations: { articleId: string; slug: string; title: string; url: string }[];
  /** The passages the model was given, for the agent to check. */
  passages: { articleId: string; slug: string; title: string; heading: string | null; match: number }[];
  confidence: number;
  needsHuman: boolean;
  /** The model's note for the agent ("none" when it has none), or why the draft was withheld. */
  note: string;
  model: string;
}

/**
 * Agent assist: drafts a reply to a ticket from its thread (internal notes left out) and the published
 * knowledge base, with citations. Nothing is stored or sent: the agent edits and sends it with
 * `tickets reply`. The same guard as AI replies applies (no system canary, no other ticket's data).
 */
export async function suggestReply(deps: Deps, actor: Actor, input: { ticket: number }): Promise<SuggestedReply> {
  authorizeOnTickets(actor, 'ticket.view_internal', input.ticket);
  const off = aiDisabledReason(deps.config, deps);
  if (off) throw new NexusError('CONFLICT', `No draft: ${off}`);
  const ticket = await loadTicket(deps.db, actor, input.ticket, 'ticket.view_internal');
  const thread = await deps.db.selectFrom('messages').select(['kind', 'body']).where('ticket_id', '=', ticket.id).orderBy('created_at').orderBy('id').execute();
  const lastCustomer = [...thread].reverse().find((m) => m.kind === 'customer');
  const grounding = await findGrounding(deps, `${ticket.subject}\n${lastCustomer?.body ?? ''}`.slice(0, 1000));
  const context = buildContext({
    prompt: { company: 'our company', canary: canaryOf(deps), contacts: deps.config.companyEmails },
    ticket: { number: ticket.number, subject: ticket.subject },
    thread,
    budgetTokens: THREAD_BUDGET_TOKENS,
    references: grounding.passages,
  });
  const llm = await llmOf(deps);
  const call = await withRetry(
    () => llm.complete({ model: deps.config.ai.model, messages: context.messages, timeoutMs: deps.config.ai.timeoutSeconds * 1000, maxOutputTokens: 800 }),
    retryPolicy(deps.config),
    retryTools(deps),
  );
  if (!call.value) throw new NexusError('UPSTREAM_FAILED', `The model did not answer: ${call.error?.message ?? 'failed'}`);
  const { answer } = call.value;
  const foreign = await deps.db.transaction().execute((trx) => findForeignIdentifiers(trx, { id: ticket.id, number: ticket.number, customerId: ticket.customer_id }, answer.reply));
  const verdict = replyFilters.guard(answer.reply, { canary: canaryOf(deps), foreignIdentifiers: foreign, customerMessage: lastCustomer?.body ?? '', companyEmails: deps.config.companyEmails });
  const citations = citedArticles(answer.citations ?? [], grounding.passages).map((c) => ({ ...c, url: `/v1/kb/articles/${c.slug}` }));
  return {
    ticketNumber: ticket.number,
    draft: verdict.blocked ? null : replyFilters.redact(answer.reply, { allowedEmails: deps.config.companyEmails }).text,
    citations,
    passages: grounding.passages.map((p) => ({ articleId: p.articleId, slug: p.slug, title: p.title, heading: p.heading, match: Number(p.match.toFixed(4)) })),
    confidence: answer.confidence,
    needsHuman: answer.needsHuman,
    note: verdict.blocked ? `draft withheld by the output guard: ${verdict.reasons.join(', ')}` : answer.reason,
    model: call.value.model,
  };
}
