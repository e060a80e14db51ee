import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
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

/** One AI decision, as `nexus ai traces --json` and GET /v1/ai/traces[/{traceId}] give it (staff only). */
export const aiTraceSchema = z
  .object({
    id: z.string(),
    ticketNumber: z.number().int(),
    messageId: z.string(),
    replyMessageId: z.string().nullable(),
    outcome: z.string(),
    reason: z.string().nullable(),
    model: z.string(),
    promptVersion: z.string(),
    promptHash: z.string(),
    tokensIn: z.number().int(),
    tokensOut: z.number().int(),
    latencyMs: z.number().int(),
    costUsd: z.number(),
    confidence: z.number().nullable(),
    /** What the redactor removed before the model saw the message: the kind and the span, never the text. */
    redactions: z.array(z.object({ type: z.string(), start: z.number().int(), end: z.number().int() })),
    attempts: z.number().int(),
    error: z.string().nullable(),
    createdAt: z.string(),
    /** issue 13: knowledge-base articles the reply cites. */
    citations: z.array(z.object({ articleId: z.string(), slug: z.string(), title: z.string() })),
  })
  .meta({ id: 'AiTrace' });
export type AiTrace = z.infer<typeof aiTraceSchema>;

type TraceRow = Selectable<DB['ai_traces']> & { number: number };

function toTrace(r: TraceRow): AiTrace {
  return {
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
    redactions: (r.redactions as RedactionFinding[]).map(({ type, start, end }) => ({ type, start, end })),
    attempts: r.attempts,
    error: r.error,
    createdAt: r.created_at.toISOString(),
    citations: r.citations as AiTrace['citations'],
  };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const getAiTraceInput = z.object({ id: z.string().regex(UUID, 'must be a trace id (uuid)') });

/** One AI decision by its id. Staff only; an unknown id is NOT_FOUND. */
export async function getAiTrace(deps: Deps, actor: Actor, input: z.input<typeof getAiTraceInput>): Promise<AiTrace> {
  authorize(actor, 'ai.view');
  const { id } = parseInput(getAiTraceInput, input);
  const row = await deps.db.selectFrom('ai_traces').innerJoin('tickets', 'tickets.id', 'ai_traces.ticket_id').selectAll('ai_traces').select('tickets.number').where('ai_traces.id', '=', id).executeTakeFirst();
  if (!row) throw new NexusError('NOT_FOUND', `AI trace ${id} not found`, { hint: 'List them with `nexus ai traces`.' });
  return toTrace(row);
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
    return pageAt(rows.map(toTrace), data.limit, offset);
  });
}
