import type { Transaction } from 'kysely';
import { aiDisabledReason } from '../../ai/runtime.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NexusError } from '../../errors.js';
import { createTicket } from '../../tickets/create-ticket.js';
import { replyToTicket } from '../../tickets/reply-to-ticket.js';
import { recordEvent } from '../../tickets/ticket.js';
import { toActor } from '../../users/user.js';
import type { Mailbox } from '../accounts/resolve-mailbox.js';
import { depsInTransaction } from '../in-transaction.js';
import { looksLikeOwnMessageId } from '../message-ids.js';
import { ticketSubjectFromMail } from '../subject.js';
import { queueAcknowledgement } from './acknowledge.js';
import { keepAttachments } from './keep-attachments.js';
import { detectAutoReply, detectBounce, isMachineSender, noAutoReplyReason } from './classify.js';
import type { ParsedMessage } from './parse-mail.js';
import { stripQuotedText } from './strip-quotes.js';
import { findBouncedTicket, findThreadTicket } from './thread-lookup.js';

export interface Outcome {
  decision: 'new_ticket' | 'same_ticket' | 'ignored_autoreply' | 'ignored_bounce' | 'quarantined';
  reason: string | null;
  ticketId: string | null;
  ticketNumber: number | null;
  messageRef: string | null;
  autoReply: boolean;
}

const ignored = (decision: Outcome['decision'], reason: string, ticketId: string | null = null): Outcome => ({ decision, reason, ticketId, ticketNumber: null, messageRef: null, autoReply: false });

const MAX_BODY = 100_000;

function bodyOf(parsed: ParsedMessage, reply: boolean): string {
  const text = (reply ? stripQuotedText(parsed.text) : parsed.text.trim()) || (parsed.attachments.length > 0 ? '(attachments only)' : '(empty message)');
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY - 40)}\n\n[… shortened; the raw mail is kept]` : text;
}

async function findOrCreateCustomer(trx: Transaction<DB>, address: string, name: string | null, at: Date) {
  const found = await trx.selectFrom('users').select(['id', 'email', 'name', 'role', 'is_disabled']).where('email', '=', address).executeTakeFirst();
  if (found) return found;
  return trx
    .insertInto('users')
    .values({ email: address, name: name?.slice(0, 200) ?? '', role: 'customer', password_hash: null, created_at: at, updated_at: at })
    .returning(['id', 'email', 'name', 'role', 'is_disabled'])
    .executeTakeFirstOrThrow();
}

/** Classifies one stored message and applies its decision through the ticket use cases. */
export async function decideAndApply(deps: Deps, trx: Transaction<DB>, input: { mailbox: Mailbox; parsed: ParsedMessage; clock: Clock }): Promise<Outcome> {
  const { mailbox, parsed } = input;
  const at = input.clock.now();
  const secretKey = deps.config.secretKey;
  const sender = parsed.from?.address ?? null;

  // Our own mail coming back (a loop through an alias or a forward) is never a customer message.
  if ((sender && mailbox.ownAddresses.includes(sender)) || looksLikeOwnMessageId(parsed.messageId)) return ignored('ignored_autoreply', 'own mail');

  const bounce = detectBounce(parsed);
  if (bounce) {
    const ticket = await findBouncedTicket(trx, { mailbox: mailbox.address, secretKey, originalIds: bounce.originalIds, originalSubject: bounce.originalSubject });
    if (ticket) {
      const hard = bounce.failed.some((f) => f.status?.startsWith('5'));
      await recordEvent(trx, { ticketId: ticket.id, actorId: null, type: 'email.bounced', data: { reason: bounce.reason, failed: bounce.failed, permanent: hard }, at });
    }
    return ignored('ignored_bounce', bounce.reason, ticket?.id ?? null);
  }

  const autoReply = detectAutoReply(parsed);
  if (autoReply) {
    const thread = sender ? await findThreadTicket(trx, { mailbox: mailbox.address, secretKey, message: parsed, sender }) : null;
    return ignored('ignored_autoreply', autoReply, thread?.ticketId ?? null);
  }
  if (!sender) return ignored('quarantined', 'no_from: the message has no usable From address');

  const senderUser = await findOrCreateCustomer(trx, sender, parsed.from?.name ?? null, at);
  if (senderUser.role !== 'customer') return ignored('quarantined', `sender_is_staff: ${sender} is ${senderUser.role === 'admin' ? 'an admin' : 'an agent'}`);
  if (senderUser.is_disabled) return ignored('quarantined', `sender_disabled: the customer account ${sender} is disabled`);

  const noReply = noAutoReplyReason(parsed);
  const isAutomated = noReply !== null;
  const tdeps = depsInTransaction(deps, trx, input.clock);
  const thread = await findThreadTicket(trx, { mailbox: mailbox.address, secretKey, message: parsed, sender });
  if (thread) {
    try {
      const owner = thread.customerId === senderUser.id ? senderUser : await trx.selectFrom('users').select(['id', 'email', 'name', 'role']).where('id', '=', thread.customerId).executeTakeFirstOrThrow();
      const result = await replyToTicket(tdeps, toActor(owner), { ticket: thread.ticketNumber, body: bodyOf(parsed, true), isAutomated });
      // A colleague on the customer's Cc writes as themselves.
      if (owner.id !== senderUser.id) await trx.updateTable('messages').set({ author_id: senderUser.id }).where('id', '=', result.message.id).execute();
      await keepAttachments(tdeps, toActor(owner), { ticket: result.ticket.number, messageId: result.message.id, parsed });
      return { decision: 'same_ticket', reason: `threaded by ${thread.via}${noReply ? `; no auto-reply: ${noReply}` : ''}`, ticketId: thread.ticketId, ticketNumber: result.ticket.number, messageRef: result.message.id, autoReply: false };
    } catch (error) {
      if (!(error instanceof NexusError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  const created = await createTicket(tdeps, toActor(senderUser), { subject: ticketSubjectFromMail(parsed.subject), message: bodyOf(parsed, false), source: 'email', isAutomated });
  const ticket = { ...created.ticket, id: (await trx.selectFrom('tickets').select('id').where('number', '=', created.ticket.number).executeTakeFirstOrThrow()).id };
  await keepAttachments(tdeps, toActor(senderUser), { ticket: ticket.number, messageId: created.message.id, parsed });
  let acked = false;
  // When the AI will answer, its reply is the one automatic mail; otherwise an acknowledgement.
  const aiWillAnswer = aiDisabledReason(deps.config, deps) === null;
  if (created.created && !isAutomated && !aiWillAnswer) {
    const to = parsed.replyTo[0]?.address ?? sender;
    if (!isMachineSender(to) && !mailbox.ownAddresses.includes(to)) {
      acked = await queueAcknowledgement(tdeps, trx, { mailbox, to, ticketId: ticket.id, ticketNumber: ticket.number, subject: ticket.subject, customerName: senderUser.name || parsed.from?.name || null, parent: parsed });
    }
  }
  return {
    decision: created.created ? 'new_ticket' : 'same_ticket',
    reason: created.created ? (noReply ? `no auto-reply: ${noReply}` : null) : 'continued the open ticket with the same subject',
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    messageRef: created.message.id,
    autoReply: acked,
  };
}
