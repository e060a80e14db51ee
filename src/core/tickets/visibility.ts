import { can, type Actor } from '../access/permissions.js';
import type { MessageAudience, MessageKind } from '../db/schema.js';
import type { Attachment } from './attachments.js';
import type { Message, Person, Ticket } from './ticket.js';

/**
 * The one place that decides who reads what on a ticket (issue 8). Customers read the conversation:
 * their own messages, agents' and the AI's answers, and the system notes addressed to them. The desk's
 * workflow — internal notes, assignment churn, escalation reasons — is for staff only, and customers see
 * staff by display name, never by email.
 */

/** What the desk writes into a thread on its own, and who reads each line. */
export type SystemNote =
  | { type: 'assigned'; assignee: string }
  | { type: 'unassigned' }
  | { type: 'escalated'; reason: string | null }
  | { type: 'handed_off' };

/** What the customer reads when the AI steps aside (kind `system`: it is not model output). */
export const HANDOFF_ACKNOWLEDGEMENT =
  'Thanks for your message. We have passed it to our support team, and a person will reply here as soon as possible.';

/** The thread lines of one system note, each with its audience. */
export function systemMessages(note: SystemNote): { body: string; audience: MessageAudience }[] {
  switch (note.type) {
    case 'assigned':
      return [{ body: `Assigned to ${note.assignee}.`, audience: 'staff' }];
    case 'unassigned':
      return [{ body: 'Unassigned.', audience: 'staff' }];
    case 'escalated':
      return [
        { body: 'Escalated to a human agent.', audience: 'everyone' },
        ...(note.reason ? [{ body: `Escalation reason: ${note.reason}`, audience: 'staff' as const }] : []),
      ];
    case 'handed_off':
      return [{ body: HANDOFF_ACKNOWLEDGEMENT, audience: 'everyone' }];
    default: {
      const unhandled: never = note;
      throw new Error(`unhandled system note ${JSON.stringify(unhandled)}`);
    }
  }
}

/** Whether a message is for the customer's eyes too (internal notes and staff-only system notes are not). */
export const isVisibleToCustomer = (message: { kind: MessageKind; audience: MessageAudience }): boolean =>
  message.kind !== 'internal' && message.audience === 'everyone';

/** Whether `viewer` may read a message. */
export const canReadMessage = (viewer: Pick<Actor, 'id' | 'role'>, message: { kind: MessageKind; audience: MessageAudience }): boolean =>
  can(viewer, 'ticket.view_internal') || isVisibleToCustomer(message);

/** A name for a staff member with none on file, so a customer never sees a blank author. */
export const STAFF_DISPLAY_NAME = 'Support team';

/** A person as `viewer` may see them: a customer sees everyone but themselves by display name only. */
export function personFor<P extends Person | null>(viewer: Pick<Actor, 'id' | 'role'>, person: P): P {
  if (!person || can(viewer, 'ticket.view_internal') || person.id === viewer.id) return person;
  return { id: person.id, email: null, name: person.name ?? STAFF_DISPLAY_NAME } as P;
}

export const ticketFor = (viewer: Pick<Actor, 'id' | 'role'>, ticket: Ticket): Ticket => ({
  ...ticket,
  customer: personFor(viewer, ticket.customer),
  assignee: personFor(viewer, ticket.assignee),
});

export const messageFor = (viewer: Pick<Actor, 'id' | 'role'>, message: Message): Message => ({ ...message, author: personFor(viewer, message.author) });

export const attachmentFor = (viewer: Pick<Actor, 'id' | 'role'>, attachment: Attachment): Attachment => ({
  ...attachment,
  uploadedBy: personFor(viewer, attachment.uploadedBy),
});
