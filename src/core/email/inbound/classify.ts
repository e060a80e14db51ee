import { looksLikeOwnMessageId } from '../message-ids.js';
import { findTicketTokens } from '../subject.js';
import { ABSENCE_BODY, ABSENCE_SUBJECT_START, ABSENCE_WORD_SUBJECT, ACK_BODY, ACK_CUE, ACK_SUBJECT, AUTO_REPLY_SUBJECT, THANKS_LEAD } from './auto-reply-patterns.js';
import type { ParsedMessage } from './parse-mail.js';

/**
 * Pure rules that recognise machine mail, written from the standards and from what real clients send:
 * RFC 3834 (Auto-Submitted, responders), RFC 3464/6533 (delivery status notifications), RFC 2369/2919
 * (mailing lists), MS-OXCMAIL (X-Auto-Response-Suppress, Exchange NDRs) and the localised subjects
 * that Outlook, Exchange, Gmail, Apple Mail and Thunderbird responders write.
 */

const first = (m: ParsedMessage, name: string): string | undefined => m.headers.get(name)?.[0];
/**
 * The keyword of a structured header value: RFC 5322 §3.2.2 comments and `;` parameters dropped, so
 * `auto-replied (vacation)` (Dovecot Pigeonhole, RFC 5230) and `auto-generated (failure)` (Sendmail)
 * read as their keyword, as RFC 3834 §5 defines it.
 */
export const token = (value: string | undefined): string =>
  (value ?? '')
    .replace(/\([^()]*\)/g, ' ')
    .split(';')[0]!
    .trim()
    .toLowerCase();

/** RFC 5321 §4.5.5: notifications are sent with a null reverse path. */
export function hasNullReturnPath(m: ParsedMessage): boolean {
  const value = first(m, 'return-path');
  return value !== undefined && /^<\s*>$/.test(value.trim());
}

// Exchange sends NDRs from its system mailbox "MicrosoftExchange" + 32 hex digits (the organisation's GUID).
const MACHINE_LOCAL_PART = /^(mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|bounces?|notifications?|auto[-_.]?reply|autoresponder|alerts?|microsoftexchange[0-9a-f]{32})([+-].*)?$/i;
const DAEMON_LOCAL_PART = /^(mailer-daemon|postmaster|microsoftexchange[0-9a-f]{32})([+-].*)?$/i;

/**
 * What a non-delivery report says in its text (Exchange/Office 365, Exim, qmail, Lotus), for the
 * reports that come as plain text without an RFC 3464 part: an RFC 3463 enhanced status code after an
 * SMTP reply code, the DSN field names, and the fixed sentences of the big MTAs (never plain words such
 * as "could not be delivered", which a customer writes about a parcel).
 */
const NDR_TEXT = /diagnostic-code|final-recipient|original message headers|diagnostic information for administrators|remote server returned|delivery has failed to these recipients|the following address(?:es|\(es\))? failed|\b[45]\d\d[ -][245]\.\d{1,3}\.\d{1,3}\b|status code:?\s*[45]\.\d{1,3}\.\d{1,3}/i;

export function isMachineSender(address: string | null | undefined): boolean {
  return Boolean(address && MACHINE_LOCAL_PART.test(address.split('@')[0]!));
}

/** Subjects of non-delivery reports (Postfix, Sendmail, Exim, Exchange/Office 365 in their locales, Gmail). */
const NDR_SUBJECT = new RegExp(
  [
    'undeliver(ed|able)',
    'undelivered mail returned to sender',
    'delivery status notification',
    'delivery (has )?failed',
    'mail delivery (failed|failure|system)',
    'failure notice',
    'returned mail',
    'non[- ]?delivery',
    'onbestelbaar',
    'unzustellbar',
    'non remis',
    'non recapitabile',
    'n[ãa]o[ _]entregue',
    'no se puede entregar',
    'no entregado',
    'olevererbart',
    'kan ikke leveres',
    'ikke levert',
    'niedostarczalne',
    'nie dostarczono',
    'nedoručitelné',
    'toimittamaton',
    'не доставлено',
  ].join('|'),
  'i',
);

export interface BounceInfo {
  reason: string;
  /**
   * Recipients the report says were not delivered, with their status code (RFC 3463) and action
   * (RFC 3464 §2.3.3): `failed` (given up) or `delayed` (still being retried).
   */
  failed: { address: string; status: string | null; action: 'failed' | 'delayed' }[];
  /** Message-IDs and the subject of the original message, when the report carries them. */
  originalIds: string[];
  originalSubject: string | null;
}

/** Recognises a delivery status notification; null for anything else. */
export function detectBounce(m: ParsedMessage): BounceInfo | null {
  const reportType = /report-type\s*=\s*"?([a-z-]+)/i.exec(m.contentType)?.[1]?.toLowerCase();
  const isReport = m.contentType.startsWith('multipart/report') && (reportType === 'delivery-status' || reportType === 'global-delivery-status');
  const statusPart = m.attachments.find((a) => a.contentType === 'message/delivery-status' || a.contentType === 'message/global-delivery-status');
  const exchangeNdr = token(first(m, 'x-ms-exchange-message-is-ndr')) !== '' || m.headers.has('x-ms-exchange-message-is-ndr');
  const daemon = DAEMON_LOCAL_PART.test(m.from?.address.split('@')[0] ?? '');
  const ndrSubject = NDR_SUBJECT.test(m.subject);
  // Exim, Gmail and others name the failed recipients in a header only a bounce carries.
  const failedHeader = m.headers.get('x-failed-recipients') ?? [];
  let reason: string | null = null;
  if (isReport) reason = `multipart/report; report-type=${reportType}`;
  else if (statusPart) reason = statusPart.contentType;
  else if (exchangeNdr) reason = 'x-ms-exchange-message-is-ndr';
  else if (daemon) reason = `sender ${m.from!.address}`;
  else if (failedHeader.length > 0) reason = 'x-failed-recipients';
  else if (ndrSubject && (hasNullReturnPath(m) || token(first(m, 'auto-submitted')) === 'auto-replied' || NDR_TEXT.test(m.text.slice(0, 20_000)))) reason = 'non-delivery report subject';
  if (!reason) return null;

  const statusText = statusPart ? Buffer.from(statusPart.bytes).toString('utf8') : m.text;
  const failed: BounceInfo['failed'] = [];
  for (const block of statusText.split(/\r?\n\s*\r?\n/)) {
    const recipient = /^(?:final|original)-recipient:\s*(?:[a-z0-9-]+;)?\s*<?([^\s<>;]+@[^\s<>;]+)>?/im.exec(block)?.[1];
    if (!recipient) continue;
    const action = /^action:\s*([a-z]+)/im.exec(block)?.[1]?.toLowerCase();
    // Delivered, relayed and expanded recipients are no failure; a delay is a transient one.
    if (action && action !== 'failed' && action !== 'delayed') continue;
    const status = /^status:\s*([245]\.\d{1,3}\.\d{1,3})/im.exec(block)?.[1] ?? null;
    if (!failed.some((f) => f.address === recipient.toLowerCase())) failed.push({ address: recipient.toLowerCase(), status, action: action === 'delayed' ? 'delayed' : 'failed' });
  }
  if (failed.length === 0) {
    const status = /\b[45]\d\d[ -]([245]\.\d{1,3}\.\d{1,3})\b/.exec(m.text)?.[1] ?? null;
    for (const value of failedHeader) for (const address of value.split(/[\s,]+/)) if (/^[^@\s<>]+@[^@\s<>]+$/.test(address)) failed.push({ address: address.toLowerCase(), status, action: status?.startsWith('4.') ? 'delayed' : 'failed' });
  }
  // The original message: an attached message/rfc822 or text/rfc822-headers part, or (Exchange 2007)
  // headers quoted in the text after "Original message headers:".
  const original = m.attachments.find((a) => a.contentType === 'text/rfc822-headers' || a.contentType === 'message/rfc822' || a.contentType === 'message/global' || a.contentType === 'message/global-headers');
  const originalText = original ? Buffer.from(original.bytes).toString('utf8') : (/original message headers:?\s*([\s\S]*)$/i.exec(m.text)?.[1] ?? '');
  const originalIds: string[] = [];
  let originalSubject: string | null = null;
  if (originalText) {
    const unfolded = originalText.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, ' ');
    for (const name of ['message-id', 'in-reply-to', 'references']) {
      const value = new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(unfolded)?.[1];
      if (value) for (const id of value.match(/<[^<>\s]+>/g) ?? []) if (!originalIds.includes(id.slice(1, -1))) originalIds.push(id.slice(1, -1));
    }
    originalSubject = /^subject:\s*(.*)$/im.exec(unfolded)?.[1]?.trim() ?? null;
  }
  for (const id of m.headers.get('x-original-message-id') ?? []) for (const found of id.match(/<[^<>\s]+>/g) ?? []) originalIds.push(found.slice(1, -1));
  return { reason, failed, originalIds, originalSubject };
}

/** A reply prefix in the subject ("Re:", "AW:", "R:", "Odp:", "回复:", Zendesk's "[Team] Re:"). */
const REPLY_SUBJECT = /^\s*(?:\[[^\]]{1,40}\]\s*)?(?:re|aw|sv|antw|r[ée]f|rif|r|res|vs|odp|atb|ynt|vá|vs|回复|回覆|答复)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]/iu;

/**
 * Whether the message answers mail of ours: our signed Message-ID in In-Reply-To/References, or our
 * `[#N]` token in the subject. Other desks' acknowledgements and responders keep one or the other.
 */
export function answersOurMail(m: ParsedMessage): boolean {
  return [...m.inReplyTo, ...m.references].some(looksLikeOwnMessageId) || findTicketTokens(m.subject).length > 0;
}

/** Whether the message is a reply of any kind: thread headers, a reply prefix or a ticket token. */
export function isReply(m: ParsedMessage): boolean {
  return m.inReplyTo.length > 0 || m.references.length > 0 || REPLY_SUBJECT.test(m.subject) || answersOurMail(m);
}

/** The start of the body, where a responder's note stands (quoted history comes later). */
const opening = (m: ParsedMessage): string => m.text.replace(/^\s+/, '').slice(0, 2_000);

/**
 * The first sentence of the note after a greeting line and a "thank you for your message": where a
 * responder says that its owner is away. A person who mentions a holiday says something else first
 * ("Thanks, the new driver works! I'm on holiday from tomorrow…").
 */
export function leadSentence(text: string): string {
  let rest = text.replace(/^\s+/, '').slice(0, 2_000);
  const greeting = /^([^\n]{1,60})\r?\n/.exec(rest);
  if (greeting && /[,!:]\s*$/.test(greeting[1]!)) rest = rest.slice(greeting[0].length).replace(/^\s+/, '');
  rest = rest.replace(THANKS_LEAD, '').replace(/^[\s,;:!.]+/, '');
  const end = /(?<!\d)[.!?](?=\s+\p{Lu}|\s*$)|[。！？]/u.exec(rest);
  return rest.slice(0, end ? end.index + 1 : 400).slice(0, 400);
}

/** Why a message is an automatic reply (RFC 3834 responder, vacation, another desk's acknowledgement, a read receipt), or null. */
export function detectAutoReply(m: ParsedMessage): string | null {
  const autoSubmitted = token(first(m, 'auto-submitted'));
  if (autoSubmitted === 'auto-replied') return 'auto-submitted: auto-replied';
  const precedence = token(first(m, 'precedence'));
  if (precedence === 'auto_reply' || precedence === 'auto-reply') return `precedence: ${precedence}`;
  if (m.headers.has('x-autoreply') && token(first(m, 'x-autoreply')) !== 'no') return 'x-autoreply';
  if (m.headers.has('x-autorespond')) return 'x-autorespond';
  if (token(first(m, 'x-autogenerated')) === 'reply') return 'x-autogenerated: reply';
  if (token(first(m, 'x-apple-action')) === 'vacation') return 'x-apple-action: vacation';
  if (m.headers.has('x-ms-exchange-inbox-rules-loop') && /\b(all|oof|autoreply)\b/i.test(first(m, 'x-auto-response-suppress') ?? '')) return 'exchange inbox rule reply';
  // RFC 8098: a message disposition notification (read receipt) is generated by the reader's client.
  const reportType = /report-type\s*=\s*"?([a-z-]+)/i.exec(m.contentType)?.[1]?.toLowerCase();
  if ((m.contentType.startsWith('multipart/report') && reportType === 'disposition-notification') || m.attachments.some((a) => a.contentType === 'message/disposition-notification'))
    return 'read receipt (message/disposition-notification)';
  // RFC 3834 §5: "auto-generated" mail is not meant as a response, but ticket systems (Zendesk, Jira
  // Service Management) and Exchange mark their acknowledgements so. Machine mail that answers ours
  // is a response all the same, and must not reopen the ticket.
  const bulk = ['bulk', 'junk'].includes(precedence);
  if (((autoSubmitted && autoSubmitted !== 'no') || bulk) && answersOurMail(m)) return `${autoSubmitted ? `auto-submitted: ${autoSubmitted}` : `precedence: ${precedence}`} answering our mail`;
  if (AUTO_REPLY_SUBJECT.test(m.subject) || ABSENCE_WORD_SUBJECT.test(m.subject)) return 'auto-reply subject';
  // Responders answer a message: the text tests run only on replies, so a customer's new mail that
  // opens with "I'm out of the office" or "we have received your invoice" still becomes a ticket.
  // A responder with a subject of its own ("Absence du 23 au 27 novembre") and no thread headers is
  // known by that subject and its first sentence together.
  const reply = isReply(m);
  if (reply || ABSENCE_SUBJECT_START.test(m.subject)) {
    const text = opening(m);
    if (ABSENCE_BODY.test(leadSentence(text))) return 'absence note text';
    if (reply && (ACK_SUBJECT.test(m.subject) || (ACK_BODY.test(text) && ACK_CUE.test(text)))) return 'acknowledgement text';
  }
  return null;
}

/**
 * Why the desk must not answer this message automatically (it still becomes a ticket): machine and
 * list mail (RFC 3834 §2, RFC 2369, RFC 2919), a null return path, a no-reply sender, or the sender's
 * own request not to get automatic replies (X-Auto-Response-Suppress). Null when a reply is fine.
 */
export function noAutoReplyReason(m: ParsedMessage): string | null {
  const autoSubmitted = token(first(m, 'auto-submitted'));
  if (autoSubmitted && autoSubmitted !== 'no') return `auto-submitted: ${autoSubmitted}`;
  const precedence = token(first(m, 'precedence'));
  if (['bulk', 'list', 'junk'].includes(precedence)) return `precedence: ${precedence}`;
  for (const name of ['list-id', 'list-unsubscribe', 'list-post', 'list-help']) if (m.headers.has(name)) return name;
  if (hasNullReturnPath(m)) return 'null return path';
  if (isMachineSender(m.from?.address)) return 'no-reply sender';
  if (m.headers.has('x-loop')) return 'x-loop';
  const suppress = first(m, 'x-auto-response-suppress');
  if (suppress && /\b(all|autoreply|oof)\b/i.test(suppress)) return `x-auto-response-suppress: ${suppress}`;
  return null;
}
