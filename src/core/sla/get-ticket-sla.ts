import { z } from 'zod';
import { authorize, isStaff, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { ticketRefSchema } from '../tickets/ticket-changes.js';
import { loadTicket } from '../tickets/ticket.js';
import { parseInput } from '../validation.js';
import type { SlaResult, SlaStateName, SlaTarget } from './sla-clock.js';
import { evaluateTicketSla, storeTicketSla } from './ticket-sla-store.js';

export const getTicketSlaInput = z.object({
  ticket: ticketRefSchema,
  /** Evaluate as of another moment (what-if); defaults to now. */
  now: z.coerce.date({ message: 'must be a date or time, e.g. 2026-11-25T09:00:00Z' }).optional(),
});
export type GetTicketSlaInput = z.input<typeof getTicketSlaInput>;

export interface SlaTargetDocument {
  state: SlaTarget['state'];
  targetSeconds: number;
  elapsedSeconds: number;
  remainingSeconds: number;
  dueAt: string | null;
  warnAt: string | null;
  metAt: string | null;
  breachedAt: string | null;
}

/** `GET /v1/tickets/{n}/sla`, `nexus sla explain`: customers get the same document without the policy and the steps. */
export interface TicketSlaDocument {
  ticketNumber: number;
  evaluatedAt: string;
  state: SlaStateName;
  dueAt: string | null;
  policy: { id: string; name: string; priority: string; calendar: string | null } | null;
  firstResponse: SlaTargetDocument | null;
  resolution: SlaTargetDocument | null;
  steps: { at: string; text: string }[] | null;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);
const target = (t: SlaTarget | null): SlaTargetDocument | null =>
  t && { state: t.state, targetSeconds: t.targetSeconds, elapsedSeconds: t.elapsedSeconds, remainingSeconds: t.remainingSeconds, dueAt: iso(t.dueAt), warnAt: iso(t.warnAt), metAt: iso(t.metAt), breachedAt: iso(t.breachedAt) };

export function toSlaDocument(number: number, result: SlaResult, at: Date, staff: boolean): TicketSlaDocument {
  return {
    ticketNumber: number,
    evaluatedAt: at.toISOString(),
    state: result.state,
    dueAt: iso(result.dueAt),
    policy: staff ? result.policy : null,
    firstResponse: target(result.firstResponse),
    resolution: target(result.resolution),
    steps: staff ? result.steps.map((s) => ({ at: s.at.toISOString(), text: s.text })) : null,
  };
}

/** A ticket's SLA, evaluated from its history; evaluating at the real now also refreshes the stored columns. */
export async function getTicketSla(deps: Deps, actor: Actor, input: GetTicketSlaInput): Promise<TicketSlaDocument> {
  authorize(actor, 'ticket.view');
  const data = parseInput(getTicketSlaInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const row = await loadTicket(trx, actor, data.ticket, 'ticket.view');
    const realNow = deps.clock.now();
    const at = data.now ?? realNow;
    const result = await evaluateTicketSla(trx, row.id, at);
    if (!data.now) await storeTicketSla(trx, row.id, result, realNow);
    return toSlaDocument(row.number, result, at, isStaff(actor));
  });
}
