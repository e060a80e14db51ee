import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { authorizeOnTickets, loadTicket } from '../tickets/ticket.js';
import { ensureSearchLanguage } from '../tickets/ticket-search.js';
import { parseInput } from '../validation.js';
import { embedderOf, tryEmbed } from '../kb/embedder.js';

export const similarTicketsInput = z.object({
  ticket: z.coerce.number({ message: 'must be a ticket number, e.g. 1042' }).int().positive(),
  limit: z.coerce.number().int().min(1).max(50).default(5),
});

export interface SimilarTicket {
  number: number;
  subject: string;
  status: string;
  resolvedAt: string | null;
  /** Relative score within this answer (higher is more similar). */
  score: number;
}

const CANDIDATES = 50;
const RRF_K = 60;

/** Distinct words of 4+ letters: the meaningful part of a ticket for an OR full-text query. */
const keywords = (text: string): string =>
  [...new Set(text.toLowerCase().normalize('NFKC').split(/[^\p{L}\p{N}]+/u).filter((w) => w.length >= 4))].slice(0, 40).join(' ');

/**
 * Agent assist: resolved (closed) tickets like this one. Full text over subjects and the public thread
 * (customer, agent and AI messages: internal notes never match), words OR-ed; with an embedding model
 * the candidates are re-ranked by vector similarity too (reciprocal rank fusion). Staff only.
 */
export async function similarTickets(deps: Deps, actor: Actor, input: z.input<typeof similarTicketsInput>): Promise<{ items: SimilarTicket[]; nextCursor: null }> {
  const data = parseInput(similarTicketsInput, input);
  authorizeOnTickets(actor, 'ticket.view_internal', data.ticket);
  const ticket = await loadTicket(deps.db, actor, data.ticket, 'ticket.view_internal');
  const first = await deps.db.selectFrom('messages').select('body').where('ticket_id', '=', ticket.id).where('kind', '=', 'customer').orderBy('created_at').limit(1).executeTakeFirst();
  const words = keywords(`${ticket.subject} ${first?.body ?? ''}`);
  if (!words) return { items: [], nextCursor: null };
  const language = deps.config.search.language;
  await ensureSearchLanguage(deps.db, language);
  // The tickets' stored search documents (issue 14), public part only: the subject (A) and the thread the
  // customer sees (D); internal notes and staff-only lines (C) never match.
  const { rows } = await sql<{ id: string; number: number; subject: string; status: string; resolved_at: Date | null; rank: number; text: string }>`
    with q as (select nullif(replace(plainto_tsquery(${language}::regconfig, nexus_fold(${words}))::text, ' & ', ' | '), '')::tsquery as tsq)
    select t.id, t.number, t.subject, t.status, t.resolved_at,
      ts_rank(ts_filter(s.document, '{a,d}'), q.tsq) as rank,
      t.subject || ' ' || coalesce((select m.body from messages m where m.ticket_id = t.id and m.kind = 'customer' order by m.created_at limit 1), '') as text
    from q, tickets t join ticket_search s on s.ticket_id = t.id
    where q.tsq is not null and t.status = 'closed' and t.deleted_at is null and t.id <> ${ticket.id}
      and ts_filter(s.document, '{a,d}') @@ q.tsq
    order by rank desc, t.number desc
    limit ${CANDIDATES}`.execute(deps.db);
  const scores = new Map(rows.map((r, i) => [r.id, 1 / (RRF_K + i + 1)]));
  const vectors = await tryEmbed(await embedderOf(deps), [`${ticket.subject} ${first?.body ?? ''}`.slice(0, 2000), ...rows.map((r) => r.text.slice(0, 2000))]);
  if (vectors) {
    const [query, ...others] = vectors;
    const dot = (a: number[], b: number[]) => a.reduce((n, x, i) => n + x * b[i]!, 0);
    const byVector = rows.map((r, i) => ({ id: r.id, sim: dot(query!, others[i]!) })).sort((a, b) => b.sim - a.sim);
    byVector.forEach((v, i) => scores.set(v.id, scores.get(v.id)! + 1 / (RRF_K + i + 1)));
  }
  const items = rows
    .map((r) => ({ number: r.number, subject: r.subject, status: r.status, resolvedAt: r.resolved_at?.toISOString() ?? null, score: Number(scores.get(r.id)!.toFixed(6)) }))
    .sort((a, b) => b.score - a.score || b.number - a.number)
    .slice(0, data.limit);
  return { items, nextCursor: null };
}
