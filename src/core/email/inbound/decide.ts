import type { Transaction } from 'kysely';
import type { CustomerMessageEvent } from '../../deps.js';
import { aiDisabledReason } from '../../ai/runtime.js';
import type { Clock } from '../../clock.js';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NexusError } from '../../errors.js';
import { createTicket } from '../../tickets/create-ticket.js';
import { replyToTicket } from '../../tickets/reply-to-ticket.js';
import { toActor } from '../../users/user.js';
import type { Mailbox } from '../accounts/resolve-mailbox.js';
import { depsInTransaction } from '../in-transaction.js';
import { looksLikeOwnMessageId } from '../message-ids.js';
import { ticketSubjectFromMail } from '../subject.js';
import { queueAcknowledgement } from './acknowledge.js';
import { keepAttachments } from './keep-attachments.js';
import { detectAutoReply, detectBounce, isMachineSender, noAutoReplyReason, type BounceInfo } from './classify.js';
import type { IntakeBatch } from './intake-batch.js';
import type { IntakeLookups } from './intake-lookups.js';
import { recordBounce } from './record-bounce.js';
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
  /** Why nothing automatic may ever answer this message (RFC 3834 §2), kept on its row for later mail. */
  noAutoReply?: string | null;
}

const ignored = (decision: Outcome['decision'], reason: string, ticketId: string | null = null): Outcome => ({ decision, reason, ticketId, ticketNumber: null, messageRef: null, autoReply: false });

const MAX_BODY = 100_000;

function bodyOf(parsed: ParsedMessage, reply: boolean): string {
  const text = (reply ? stripQuotedText(parsed.text) : parsed.text.trim()) || (parsed.attachments.length > 0 ? '(attachments only)' : '(empty message)');
  return text.length > MAX_BODY ? `${text.slice(0, MAX_BODY - 40)}\n\n[… shortened; the raw mail is kept]` : text;
}

/** Deps whose hooks also tell `listener` of each stored customer message (the real hooks still run). */
function listening(deps: Deps, listener: (event: CustomerMessageEvent) => void): Deps {
  const hooks = deps.hooks ?? {};
  return {
    ...deps,
    hooks: {
      ...hooks,
      customerMessageAdded: async (trx, event) => {
        listener(event);
        await hooks.customerMessageAdded?.(trx, event);
      },
    },
  };
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

/** What a message is before any lookup: pure rules on the parsed mail (classify.ts), in the order that decides. */
export type Intake =
  | { kind: 'own' }
  | { kind: 'bounce'; bounce: BounceInfo }
  | { kind: 'autoreply'; reason: string; sender: string | null }
  | { kind: 'no_sender' }
  | { kind: 'person'; sender: string };

export function classifyIntake(mailbox: Mailbox, parsed: ParsedMessage): Intake {
  const sender = parsed.from?.address ?? null;
  // Our own mail coming back (a loop through an alias or a forward) is never a customer message.
  if ((sender && mailbox.ownAddresses.includes(sender)) || looksLikeOwnMessageId(parsed.messageId)) return { kind: 'own' };
  const bounce = detectBounce(parsed);
  if (bounce) return { kind: 'bounce', bounce };
  const autoReply = detectAutoReply(parsed);
  if (autoReply) return { kind: 'autoreply', reason: autoReply, sender };
  return sender ? { kind: 'person', sender } : { kind: 'no_sender' };
}

export interface DecideInput {
  mailbox: Mailbox;
  parsed: ParsedMessage;
  clock: Clock;
  intake: Intake;
  /** What intake's first statement already read (intake-lookups.ts). */
  lookups: Pick<IntakeLookups, 'sender' | 'threadCandidates'>;
  batch: IntakeBatch;
}

/** Applies a classified message's decision through the ticket use cases, in the intake transaction. */
export async function decideAndApply(deps: Deps, trx: Transaction<DB>, input: DecideInput): Promise<Outcome> {
  const { mailbox, parsed, intake, lookups } = input;
  const at = input.clock.now();
  const secretKey = deps.config.secretKey;

  if (intake.kind === 'own') return ignored('ignored_autoreply', 'own mail');
  if (intake.kind === 'bounce') {
    const { bounce } = intake;
    const ticket = await findBouncedTicket(trx, { mailbox: mailbox.address, secretKey, originalIds: bounce.originalIds, originalSubject: bounce.originalSubject });
    if (ticket) await recordBounce(trx, { ticketId: ticket.id, bounce, text: parsed.text, at });
    return ignored('ignored_bounce', bounce.reason, ticket?.id ?? null);
  }
  if (intake.kind === 'autoreply') {
    const thread = intake.sender ? await findThreadTicket(trx, { mailbox: mailbox.address, secretKey, message: parsed, sender: intake.sender }, lookups.threadCandidates) : null;
    return ignored('ignored_autoreply', intake.reason, thread?.ticketId ?? null);
  }
  if (intake.kind === 'no_sender') return ignored('quarantined', 'no_from: the message has no usable From address');
  const sender = intake.sender;

  const senderUser = lookups.sender ?? (await findOrCreateCustomer(trx, sender, parsed.from?.name ?? null, at));
  if (senderUser.role !== 'customer') return ignored('quarantined', `sender_is_staff: ${sender} is ${senderUser.role === 'admin' ? 'an admin' : 'an agent'}`);
  if (senderUser.is_disabled) return ignored('quarantined', `sender_disabled: the customer account ${sender} is disabled`);

  const noReply = noAutoReplyReason(parsed);
  const isAutomated = noReply !== null;
  // The ticket use case announces its stored message (ticket id included) to the hooks: intake listens
  // there too instead of reading the new ticket's id back.
  let announced: CustomerMessageEvent | null = null;
  const tdeps = depsInTransaction(listening(deps, (event) => (announced = event)), trx, input.clock);
  const thread = await findThreadTicket(trx, { mailbox: mailbox.address, secretKey, message: parsed, sender }, lookups.threadCandidates);
  if (thread) {
    try {
      const owner = thread.customerId === senderUser.id ? senderUser : await trx.selectFrom('users').select(['id', 'email', 'name', 'role']).where('id', '=', thread.customerId).executeTakeFirstOrThrow();
      const result = await replyToTicket(tdeps, toActor(owner), { ticket: thread.ticketNumber, body: bodyOf(parsed, true), isAutomated });
      // A colleague on the customer's Cc writes as themselves.
      if (owner.id !== senderUser.id) await trx.updateTable('messages').set({ author_id: senderUser.id }).where('id', '=', result.message.id).execute();
      await keepAttachments(tdeps, toActor(owner), { ticket: result.ticket.number, messageId: result.message.id, parsed });
      return { decision: 'same_ticket', reason: `threaded by ${thread.via}${noReply ? `; no auto-reply: ${noReply}` : ''}`, ticketId: thread.ticketId, ticketNumber: result.ticket.number, messageRef: result.message.id, autoReply: false, noAutoReply: noReply };
    } catch (error) {
      if (!(error instanceof NexusError && error.code === 'NOT_FOUND')) throw error;
    }
  }
  const created = await createTicket(tdeps, toActor(senderUser), { subject: ticketSubjectFromMail(parsed.subject), message: bodyOf(parsed, false), source: 'email', isAutomated });
  const ticketId = (announced as CustomerMessageEvent | null)?.ticketId ?? (await trx.selectFrom('tickets').select('id').where('number', '=', created.ticket.number).executeTakeFirstOrThrow()).id;
  const ticket = { ...created.ticket, id: ticketId };
  await keepAttachments(tdeps, toActor(senderUser), { ticket: ticket.number, messageId: created.message.id, parsed });
  let acked = false;
  // When the AI will answer, its reply is the one automatic mail; otherwise an acknowledgement.
  const aiWillAnswer = aiDisabledReason(deps.config, deps) === null;
  if (created.created && !isAutomated && !aiWillAnswer) {
    const to = parsed.replyTo[0]?.address ?? sender;
    if (!isMachineSender(to) && !mailbox.ownAddresses.includes(to)) {
      acked = await queueAcknowledgement(tdeps, trx, { batch: input.batch, mailbox, to, ticketId: ticket.id, ticketNumber: ticket.number, subject: ticket.subject, customerName: senderUser.name || parsed.from?.name || null, parent: parsed });
    }
  }
  return {
    decision: created.created ? 'new_ticket' : 'same_ticket',
    reason: created.created ? (noReply ? `no auto-reply: ${noReply}` : null) : 'continued the open ticket with the same subject',
    ticketId: ticket.id,
    ticketNumber: ticket.number,
    messageRef: created.message.id,
    autoReply: acked,
    noAutoReply: noReply,
  };
}
