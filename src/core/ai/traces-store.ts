import type { Transaction } from 'kysely';
import type { AiTraceOutcome, DB } from '../db/schema.js';
import { PROMPT_HASH, PROMPT_VERSION } from './prompt.js';
import type { RedactionFinding } from './filters.js';

export interface TraceWrite {
  ticketId: string;
  messageId: string;
  model: string;
  outcome: AiTraceOutcome;
  at: Date;
  finishedAt?: Date;
  replyMessageId?: string | null;
  tokensIn?: number;
  tokensOut?: number;
  latencyMs?: number;
  costUsd?: number;
  confidence?: number | null;
  redactions?: RedactionFinding[];
  reason?: string | null;
  error?: string | null;
  attempts?: number;
  /** issue 13: the articles an AI reply cites. */
  citations?: { articleId: string; slug: string; title: string }[];
}

/** One trace per customer message: the reservation (`pending`) is updated to the final outcome. */
export async function upsertTrace(trx: Transaction<DB>, t: TraceWrite): Promise<void> {
  const values = {
    reply_message_id: t.replyMessageId ?? null,
    model: t.model,
    prompt_version: PROMPT_VERSION,
    prompt_hash: PROMPT_HASH,
    tokens_in: t.tokensIn ?? 0,
    tokens_out: t.tokensOut ?? 0,
    latency_ms: t.latencyMs ?? 0,
    cost_usd: t.costUsd ?? 0,
    confidence: t.confidence ?? null,
    redactions: JSON.stringify(t.redactions ?? []),
    outcome: t.outcome,
    reason: t.reason ?? null,
    error: t.error ?? null,
    attempts: t.attempts ?? 0,
    finished_at: t.finishedAt ?? null,
    citations: JSON.stringify(t.citations ?? []),
  };
  await trx
    .insertInto('ai_traces')
    .values({ ticket_id: t.ticketId, message_id: t.messageId, created_at: t.at, ...values })
    .onConflict((oc) => oc.column('message_id').doUpdateSet(values))
    .execute();
}
