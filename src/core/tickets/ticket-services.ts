import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { addInternalNote, type AddInternalNoteInput } from './add-internal-note.js';
import { assignTicket, type AssignTicketInput } from './assign-ticket.js';
import { closeTicket, type CloseTicketInput } from './close-ticket.js';
import { countQueueViews } from './count-queue-views.js';
import { createTicket, type CreateTicketInput } from './create-ticket.js';
import { escalateTicket, type EscalateTicketInput } from './escalate-ticket.js';
import { editTicket, type EditTicketInput } from './edit-ticket.js';
import { getStats } from './get-stats.js';
import { getTicket } from './get-ticket.js';
import type { StatsRangeInput } from './stats-extras.js';
import { getTicketHistory, type GetTicketHistoryInput } from './get-ticket-history.js';
import { listTickets, type ListTicketsInput } from './list-tickets.js';
import { reopenTicket, type ReopenTicketInput } from './reopen-ticket.js';
import { replyToTicket, type ReplyToTicketInput } from './reply-to-ticket.js';
import { setTicketAi, type SetTicketAiInput } from './set-ticket-ai.js';
import { setTicketPriority, type SetTicketPriorityInput } from './set-ticket-priority.js';
import { setTicketStatus, type SetTicketStatusInput } from './set-ticket-status.js';
import { unassignTicket, type UnassignTicketInput } from './unassign-ticket.js';
import { viewTicket, type ViewTicketInput } from './view-ticket.js';

/** The ticket lifecycle use cases bound to their dependencies (`services.tickets.*`). */
export function ticketLifecycleServices(deps: Deps) {
  return {
    create: (actor: Actor, input: CreateTicketInput) => createTicket(deps, actor, input),
    list: (actor: Actor, input?: ListTicketsInput) => listTickets(deps, actor, input),
    view: (actor: Actor, input: ViewTicketInput) => viewTicket(deps, actor, input),
    get: (actor: Actor, input: ViewTicketInput) => getTicket(deps, actor, input),
    reply: (actor: Actor, input: ReplyToTicketInput) => replyToTicket(deps, actor, input),
    note: (actor: Actor, input: AddInternalNoteInput) => addInternalNote(deps, actor, input),
    assign: (actor: Actor, input: AssignTicketInput) => assignTicket(deps, actor, input),
    unassign: (actor: Actor, input: UnassignTicketInput) => unassignTicket(deps, actor, input),
    escalate: (actor: Actor, input: EscalateTicketInput) => escalateTicket(deps, actor, input),
    close: (actor: Actor, input: CloseTicketInput) => closeTicket(deps, actor, input),
    reopen: (actor: Actor, input: ReopenTicketInput) => reopenTicket(deps, actor, input),
    setPriority: (actor: Actor, input: SetTicketPriorityInput) => setTicketPriority(deps, actor, input),
    edit: (actor: Actor, input: EditTicketInput) => editTicket(deps, actor, input),
    history: (actor: Actor, input: GetTicketHistoryInput) => getTicketHistory(deps, actor, input),
    stats: (actor: Actor, input?: StatsRangeInput) => getStats(deps, actor, input),
    setStatus: (actor: Actor, input: SetTicketStatusInput) => setTicketStatus(deps, actor, input),
    setAi: (actor: Actor, input: SetTicketAiInput) => setTicketAi(deps, actor, input),
    /** The agents' queue tabs (`nexus tui`). */
    queueCounts: (actor: Actor) => countQueueViews(deps, actor),
  };
}
