import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { recordEvent } from '../../tickets/ticket.js';
import type { BounceInfo } from './classify.js';

/** Records a delivery failure on the ticket whose mail bounced. */
export async function recordBounce(trx: Transaction<DB>, input: { ticketId: string; bounce: BounceInfo; at: Date }): Promise<void> {
  const { bounce } = input;
  const hard = bounce.failed.some((f) => f.status?.startsWith('5'));
  await recordEvent(trx, { ticketId: input.ticketId, actorId: null, type: 'email.bounced', data: { reason: bounce.reason, failed: bounce.failed, permanent: hard }, at: input.at });
}
