import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import type { SlaStateName } from './sla-clock.js';
import { evaluateTicketSla, storeTicketSla } from './ticket-sla-store.js';

/** The SLA part of the ticket document: the state and the next due time (null before evaluation). */
export interface TicketSlaSummary {
  state: SlaStateName;
  dueAt: string | null;
}

interface StoredSla {
  state: SlaStateName;
  due_at: Date | null;
}

/** A stored evaluation as of `now`: a running target whose due time has passed is breached. */
export function summarizeStoredSla(row: StoredSla, now: Date): TicketSlaSummary {
  const state = row.state === 'running' && row.due_at !== null && row.due_at.getTime() < now.getTime() ? 'breached' : row.state;
  return { state, dueAt: row.due_at ? row.due_at.toISOString() : null };
}

/** The stored SLA summaries of some tickets, by ticket id. */
export async function loadSlaSummaries(db: Kysely<DB> | Transaction<DB>, ticketIds: readonly string[], now: Date): Promise<Map<string, TicketSlaSummary>> {
  if (!ticketIds.length) return new Map();
  const rows = await db.selectFrom('ticket_sla').select(['ticket_id', 'state', 'due_at']).where('ticket_id', 'in', ticketIds).execute();
  return new Map(rows.map((r) => [r.ticket_id, summarizeStoredSla(r, now)]));
}

/**
 * One ticket's summary as of `now`, evaluating its history again first when it changed since the
 * stored evaluation (so the document a use case returns after a change is already current).
 */
export async function currentSlaSummary(db: Kysely<DB> | Transaction<DB>, ticket: { id: string; updated_at: Date }, now: Date): Promise<TicketSlaSummary> {
  const stored = await db.selectFrom('ticket_sla').select(['state', 'due_at', 'computed_at']).where('ticket_id', '=', ticket.id).executeTakeFirst();
  // A row marked for re-evaluation holds '-infinity', which the driver reads as a number, not a Date.
  if (stored && Number(stored.computed_at) >= ticket.updated_at.getTime()) return summarizeStoredSla(stored, now);
  const result = await evaluateTicketSla(db, ticket.id, now);
  await storeTicketSla(db, ticket.id, result, now);
  return { state: result.state, dueAt: result.dueAt ? result.dueAt.toISOString() : null };
}
