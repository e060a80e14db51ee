import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { ticketNotFound } from '../tickets/ticket.js';
import { parseInput } from '../validation.js';
import type { RedactionFinding } from './filters.js';
import { offsetCursor, pageAt, type Page } from '../documents.js';
import { NexusError } from '../errors.js';

export const listAiTracesInput = z.object({
  ticket: z.coerce.number({ message: 'must be a ticket number, e.g. 1042' }).int().positive().optional(),
  limit: z.coerce.number({ message: 'must be a number from 1 to 1000' }).int('must be a whole number').min(1, 'must be at least 1').max(1000, 'must be at most 1000').default(50),
  cursor: z.string().trim().min(1).optional(),
});
export type ListAiTracesInput = z.input<typeof listAiTracesInput>;

export interface AiTrace {
  id: string;
  ticketNumber: number;
  messageId: string;
  replyMessageId: string | null;
  outcome: string;
  reason: string | null;
  model: string;
  promptVersion: string;
  promptHash: string;
  tokensIn: number;
  tokensOut: number;
  latencyMs: number;
  costUsd: number;
  confidence: number | null;
  redactions: RedactionFinding[];
  attempts: number;
  error: string | null;
  createdAt: string;
  /** issue 13: knowledge-base articles the reply cites. */
  citations: { articleId: string; slug: string; title: string }[];
}

/** `nexus ai traces`: the AI's decisions, newest first. Staff only (customers never see traces). */
export async function listAiTraces(deps: Deps, actor: Actor, input: ListAiTracesInput = {}): Promise<Page<AiTrace>> {
  authorize(actor, 'ai.view');
  const data = parseInput(listAiTracesInput, input);
  const offset = offsetCursor.decode(data.cursor);
  if (offset === null) throw new NexusError('VALIDATION_FAILED', 'The cursor is not one this list gave out', { details: [{ path: 'cursor', message: 'is not a cursor from this list' }] });
  return deps.db.transaction().execute(async (trx) => {
    let query = trx.selectFrom('ai_traces').innerJoin('tickets', 'tickets.id', 'ai_traces.ticket_id').selectAll('ai_traces').select('tickets.number');
    if (data.ticket !== undefined) {
      const exists = await trx.selectFrom('tickets').select('id').where('number', '=', data.ticket).executeTakeFirst();
      if (!exists) throw ticketNotFound(data.ticket);
      query = query.where('tickets.number', '=', data.ticket);
    }
    const rows = await query.orderBy('ai_traces.created_at', 'desc').orderBy('ai_traces.id').limit(data.limit + 1).offset(offset).execute();
    return pageAt(rows.map((r) => ({
      id: r.id,
      ticketNumber: r.number,
      messageId: r.message_id,
      replyMessageId: r.reply_message_id,
      outcome: r.outcome,
      reason: r.reason,
      model: r.model,
      promptVersion: r.prompt_version,
      promptHash: r.prompt_hash,
      tokensIn: r.tokens_in,
      tokensOut: r.tokens_out,
      latencyMs: r.latency_ms,
      costUsd: Number(r.cost_usd),
      confidence: r.confidence,
      redactions: r.redactions as RedactionFinding[],
      attempts: r.attempts,
      error: r.error,
      createdAt: r.created_at.toISOString(),
      citations: r.citations as AiTrace['citations'],
    })), data.limit, offset);
  });
}
