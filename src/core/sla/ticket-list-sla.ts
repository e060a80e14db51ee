import { sql, type RawBuilder } from 'kysely';

/** `tickets list --sla …`: breached (as of now), or due soon (past the warning share, not yet due). */
export const SLA_FILTERS = ['breached', 'due-soon'] as const;
export type SlaFilter = (typeof SLA_FILTERS)[number];

/** The ordering key of `--sort due`: the next SLA due time, tickets without one last. */
export const slaDueSortKey = sql`coalesce((select s.due_at from ticket_sla s where s.ticket_id = t.id), 'infinity'::timestamptz)`;

export function slaFilterCondition(filter: SlaFilter, now: Date): RawBuilder<boolean> {
  const at = sql`${now}::timestamptz`;
  switch (filter) {
    case 'breached':
      return sql<boolean>`exists (select 1 from ticket_sla s where s.ticket_id = t.id and s.policy_id is not null and (
        s.first_response_due_at < coalesce(s.first_response_met_at, ${at}) or s.resolution_due_at < coalesce(s.resolution_met_at, ${at})))`;
    case 'due-soon':
      return sql<boolean>`exists (select 1 from ticket_sla s where s.ticket_id = t.id and s.policy_id is not null and (
        (s.first_response_met_at is null and s.first_response_warn_at <= ${at} and s.first_response_due_at >= ${at})
        or (s.resolution_met_at is null and s.resolution_warn_at <= ${at} and s.resolution_due_at >= ${at})))`;
    default: {
      const unhandled: never = filter;
      throw new Error(`unhandled SLA filter ${String(unhandled)}`);
    }
  }
}
