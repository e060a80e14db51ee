import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { parseInput } from '../validation.js';
import { ticketRefSchema } from './ticket-changes.js';
import { loadTicket, recordEvent } from './ticket.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const rateMessageInput = z.object({
  ticket: ticketRefSchema,
  messageId: z.string().trim(),
  rating: z.coerce.number({ message: 'must be a number from 1 to 5' }).int('must be a whole number from 1 to 5').min(1, 'must be from 1 to 5').max(5, 'must be from 1 to 5'),
  comment: z.string().trim().max(2000, 'must be at most 2,000 characters').optional(),
});
export type RateMessageInput = z.input<typeof rateMessageInput>;

export interface Rating {
  ticketNumber: number;
  messageId: string;
  rating: number;
  comment: string | null;
  createdAt: string;
  updatedAt: string;
  /** True when this replaced the user's earlier rating of the message. */
  updated: boolean;
}

export const messageNotFound = (id: string): NexusError =>
  new NexusError('NOT_FOUND', `Message ${id} not found on this ticket`, { hint: 'See the thread and its message ids with `nexus tickets view N --json`.' });

/**
 * A customer rates an AI reply on their own ticket, 1–5 with an optional comment. One rating per user
 * per message: rating again replaces the earlier one.
 */
export async function rateMessage(deps: Deps, actor: Actor, input: RateMessageInput): Promise<Rating> {
  authorize(actor, 'ticket.rate');
  const data = parseInput(rateMessageInput, input);
  return deps.db.transaction().execute(async (trx) => {
    const ticket = await loadTicket(trx, actor, data.ticket, 'ticket.rate');
    if (!UUID.test(data.messageId)) throw messageNotFound(data.messageId);
    const message = await trx.selectFrom('messages').select(['id', 'kind']).where('id', '=', data.messageId).where('ticket_id', '=', ticket.id).executeTakeFirst();
    if (!message || message.kind === 'internal') throw messageNotFound(data.messageId);
    if (message.kind !== 'ai') {
      throw new NexusError('VALIDATION_FAILED', `Only AI replies can be rated; message ${message.id} is a ${message.kind} message`, {
        details: [{ path: 'messageId', message: 'must be an AI reply' }],
      });
    }
    const now = deps.clock.now();
    const earlier = await trx.selectFrom('message_ratings').select('id').where('message_id', '=', message.id).where('user_id', '=', actor.id).executeTakeFirst();
    const row = await trx
      .insertInto('message_ratings')
      .values({ message_id: message.id, ticket_id: ticket.id, user_id: actor.id, rating: data.rating, comment: data.comment ?? null, created_at: now, updated_at: now })
      .onConflict((oc) => oc.columns(['message_id', 'user_id']).doUpdateSet({ rating: data.rating, comment: data.comment ?? null, updated_at: now }))
      .returningAll()
      .executeTakeFirstOrThrow();
    const updated = earlier !== undefined;
    await recordEvent(trx, { ticketId: ticket.id, actorId: actor.id, type: 'ticket.message_rated', data: { messageId: message.id, rating: data.rating, updated }, at: now });
    return {
      ticketNumber: ticket.number,
      messageId: message.id,
      rating: row.rating,
      comment: row.comment,
      createdAt: row.created_at.toISOString(),
      updatedAt: row.updated_at.toISOString(),
      updated,
    };
  });
}
