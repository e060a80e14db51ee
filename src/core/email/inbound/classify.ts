import type { ParsedMessage } from './parse-mail.js';

/**
 * Pure rules that recognise machine mail, written from the standards and from what real clients send:
 * RFC 3834 (Auto-Submitted, responders), RFC 3464/6533 (delivery status notifications), RFC 2369/2919
 * (mailing lists), MS-OXCMAIL (X-Auto-Response-Suppress, Exchange NDRs) and the localised subjects
 * that Outlook, Exchange, Gmail, Apple Mail and Thunderbird responders write.
 */

const first = (m: ParsedMessage, name: string): string | undefined => m.headers.get(name)?.[0];
const token = (value: string | undefined): string => (value ?? '').split(';')[0]!.trim().toLowerCase();

/** RFC 5321 §4.5.5: notifications are sent with a null reverse path. */
export function hasNullReturnPath(m: ParsedMessage): boolean {
  const value = first(m, 'return-path');
  return value !== undefined && /^<\s*>$/.test(value.trim());
}

const MACHINE_LOCAL_PART = /^(mailer-daemon|postmaster|no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|bounces?|notifications?|auto[-_.]?reply|autoresponder)([+-].*)?$/i;
const DAEMON_LOCAL_PART = /^(mailer-daemon|postmaster)([+-].*)?$/i;

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
  let reason: string | null = null;
  if (isReport) reason = `multipart/report; report-type=${reportType}`;
  else if (statusPart) reason = statusPart.contentType;
  else if (exchangeNdr) reason = 'x-ms-exchange-message-is-ndr';
  else if (daemon) reason = `sender ${m.from!.address}`;
  else if (ndrSubject && (hasNullReturnPath(m) || /original message headers|diagnostic-code|final-recipient/i.test(m.text))) reason = 'non-delivery report subject';
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

/**
 * Localised subject prefixes responders put before the original subject: Outlook/Exchange ("Automatic
 * reply", "Automatische Antwort", "Réponse automatique", …), Gmail vacation ("Auto:", "Out of Office"),
 * Apple/Thunderbird/Sieve vacation, and their translations.
 */
const AUTO_REPLY_SUBJECT = new RegExp(
  '^\\s*(?:' +
    [
      'auto(?:matic)?[ -]?(?:reply|response|answer)',
      'auto:',
      'autoreply',
      'out of (?:the )?office',
      'away from (?:the )?office',
      'vacation (?:reply|notice|message)',
      'abwesenheit(?:snotiz)?',
      'automatische antwort',
      'r[ée]ponse automatique',
      'respuesta autom[áa]tica',
      'fuera de la oficina',
      'resposta autom[áa]tica',
      'aus[êe]ncia',
      'fora do escrit[óo]rio',
      'risposta automatica',
      'risposta non al computer',
      'fuori sede',
      'fuori ufficio',
      'automatisch antwoord',
      'afwezig',
      'autosvar',
      'automatisk svar',
      'automatiskt svar',
      'fr[åa]nvaro',
      'poza biurem',
      'odpowied[źz] automatyczna',
      'automaattinen vastaus',
      'poissa toimistolta',
      'automatick[áa] odpov[ěe][ďd]',
      'automatikus v[áa]lasz',
      'otomatik (?:yan[ıi]t|cevap)',
      'автоматический ответ',
      'автоответ',
      'αυτόματη απάντηση',
      '自动回复',
      '自動回覆',
      '自動応答',
      '自動返信',
      '자동 응답',
    ].join('|') +
    ')(?=$|[\\s:：\\-–—\\]])',
  'iu',
);

/** Opening words of responder bodies: only the first lines are read, so a quoted one never counts. */
const AUTO_REPLY_BODY = /^[\s\S]{0,400}?\b(this is an? (?:automated|automatic|auto-generated|automatically generated) (?:message|reply|response|e-?mail|notification)|(?:i am|i'm) (?:currently )?out of (?:the )?office|ich bin (?:derzeit |zurzeit |bis )?(?:nicht im b[üu]ro|abwesend)|je suis (?:actuellement )?absente?|(?:estar[ée]|estoy) fuera de la oficina|sono (?:attualmente )?fuori (?:ufficio|sede)|ik ben (?:momenteel )?afwezig)/i;

/** Why a message is an automatic reply (RFC 3834 responder, vacation, another desk's acknowledgement), or null. */
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
  if (AUTO_REPLY_SUBJECT.test(m.subject)) return 'auto-reply subject';
  // Responders answer a message: the body test only runs on replies, so a customer's new mail that
  // opens with "I'm out of the office" still becomes a ticket.
  if ((m.inReplyTo.length > 0 || /^\s*\S{1,12}\s*(?:\[\d+\])?\s*:|\[#\d+\]/u.test(m.subject)) && AUTO_REPLY_BODY.test(m.text)) return 'auto-reply text';
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
