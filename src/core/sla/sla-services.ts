import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { checkSla, type CheckSlaInput } from './check-sla.js';
import { getTicketSla, type GetTicketSlaInput } from './get-ticket-sla.js';
import { createCalendar, listCalendars, removeCalendar, updateCalendar, type CreateCalendarInput, type UpdateCalendarInput } from './sla-calendars.js';
import { createPolicy, listPolicies, removePolicy, updatePolicy, type CreatePolicyInput, type UpdatePolicyInput } from './sla-policies.js';
import { slaReport, type SlaReportInput } from './sla-report.js';

/** The SLA use cases bound to their dependencies (`services.sla.*`). */
export function slaServices(deps: Deps) {
  return {
    policies: {
      list: (actor: Actor) => listPolicies(deps, actor),
      create: (actor: Actor, input: CreatePolicyInput) => createPolicy(deps, actor, input),
      update: (actor: Actor, input: UpdatePolicyInput) => updatePolicy(deps, actor, input),
      remove: (actor: Actor, input: { policy: string }) => removePolicy(deps, actor, input),
    },
    calendars: {
      list: (actor: Actor) => listCalendars(deps, actor),
      create: (actor: Actor, input: CreateCalendarInput) => createCalendar(deps, actor, input),
      update: (actor: Actor, input: UpdateCalendarInput) => updateCalendar(deps, actor, input),
      remove: (actor: Actor, input: { calendar: string }) => removeCalendar(deps, actor, input),
    },
    explain: (actor: Actor, input: GetTicketSlaInput) => getTicketSla(deps, actor, input),
    report: (actor: Actor, input?: SlaReportInput) => slaReport(deps, actor, input),
    check: (actor: Actor, input?: CheckSlaInput) => checkSla(deps, actor, input),
  };
}
