import { createHash } from 'node:crypto';
import { simpleParser, type AddressObject, type Attachment } from 'mailparser';

/** One mailbox address with its display name (lower-cased address). */
export interface MailAddress {
  address: string;
  name: string | null;
}

export interface MailAttachment {
  filename: string | null;
  contentType: string;
  bytes: Uint8Array;
  inline: boolean;
}

/** What ingestion needs of a message, whatever its shape. Never throws for bad input. */
export interface ParsedMessage {
  /** Message-ID without angle brackets; derived from the content when the header is missing. */
  messageId: string;
  messageIdGenerated: boolean;
  from: MailAddress | null;
  replyTo: MailAddress[];
  to: MailAddress[];
  cc: MailAddress[];
  subject: string;
  date: Date | null;
  inReplyTo: string[];
  references: string[];
  /** Top-level headers, lower-cased names, unfolded raw values in order. */
  headers: Map<string, string[]>;
  /** Top-level Content-Type, lower-cased. */
  contentType: string;
  text: string;
  html: string | null;
  attachments: MailAttachment[];
  /** Problems met while parsing (broken MIME, bad charset, NUL bytes); empty for clean mail. */
  problems: string[];
}

/** Headers that change on every hop; the deterministic id ignores them so a re-delivery gets the same one. */
const TRACE_HEADERS = new Set(['received', 'return-path', 'delivered-to', 'x-original-to', 'envelope-to', 'x-received', 'dkim-signature', 'arc-seal', 'arc-message-signature', 'arc-authentication-results', 'authentication-results', 'received-spf', 'x-spam-status', 'x-spam-score']);

/** Splits the raw header block (up to the first empty line) into unfolded name/value pairs. */
export function readHeaderBlock(raw: Uint8Array): { headers: Map<string, string[]>; lines: { name: string; value: string }[]; bodyOffset: number } {
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  let end = buf.indexOf('\r\n\r\n');
  let sep = 4;
  const lf = buf.indexOf('\n\n');
  if (end < 0 || (lf >= 0 && lf < end)) {
    end = lf;
    sep = 2;
  }
  const head = buf.subarray(0, end < 0 ? Math.min(buf.length, 1_000_000) : end).toString('latin1');
  const lines: { name: string; value: string }[] = [];
  for (const line of head.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && lines.length > 0) lines[lines.length - 1]!.value += ` ${line.trim()}`;
    else {
      const colon = line.indexOf(':');
      if (colon > 0) lines.push({ name: line.slice(0, colon).trim().toLowerCase(), value: line.slice(colon + 1).trim() });
    }
  }
  const headers = new Map<string, string[]>();
  for (const { name, value } of lines) headers.set(name, [...(headers.get(name) ?? []), value]);
  return { headers, lines, bodyOffset: end < 0 ? buf.length : end + sep };
}

/** Every `<id>` in a Message-ID/In-Reply-To/References value, spaces or commas between them; bare ids too. */
export function parseIdList(values: readonly string[] | undefined): string[] {
  const ids: string[] = [];
  for (const value of values ?? []) {
    const bracketed = [...value.matchAll(/<([^<>\s]+)>/g)].map((m) => m[1]!);
    const found = bracketed.length > 0 ? bracketed : value.split(/[\s,]+/).filter((part) => part.includes('@'));
    for (const id of found) if (id.length <= 995 && !ids.includes(id)) ids.push(id);
  }
  return ids;
}

export function deterministicMessageId(raw: Uint8Array, lines: { name: string; value: string }[], bodyOffset: number, fromAddress: string | null): string {
  const hash = createHash('sha256');
  for (const { name, value } of lines) if (!TRACE_HEADERS.has(name)) hash.update(`${name}:${value}\n`);
  hash.update(raw.subarray(bodyOffset));
  const domain = fromAddress?.split('@')[1] ?? 'unknown.invalid';
  return `nexus-generated.${hash.digest('hex').slice(0, 40)}@${domain}`;
}

const clean = (text: string): string => text.replaceAll(String.fromCharCode(0), '');

function addresses(value: AddressObject | AddressObject[] | undefined): MailAddress[] {
  const list = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: MailAddress[] = [];
  const walk = (entries: { address?: string; name: string; group?: { address?: string; name: string }[] }[]) => {
    for (const entry of entries) {
      if (entry.group) walk(entry.group);
      const address = entry.address?.trim().toLowerCase();
      if (address && /^[^@\s]+@[^@\s]+$/.test(address)) out.push({ address: clean(address), name: entry.name ? clean(entry.name) : null });
    }
  };
  for (const item of list) walk(item.value);
  return out;
}

/** A crude, dependable fallback: the address inside the last <...>, or the first word with an @. */
function addressFromRaw(value: string | undefined): MailAddress | null {
  if (!value) return null;
  const angle = /<([^<>\s@]+@[^<>\s@]+)>/.exec(value)?.[1] ?? /([^\s<>,;"]+@[^\s<>,;"]+)/.exec(value)?.[1];
  return angle ? { address: angle.toLowerCase(), name: null } : null;
}

/**
 * Parses a raw RFC 5322 message with mailparser (MIME, transfer encodings, encoded words, charsets,
 * HTML → text), falling back to the header block alone when the MIME structure cannot be read.
 */
export async function parseMail(raw: Uint8Array): Promise<ParsedMessage> {
  const problems: string[] = [];
  const { headers, lines, bodyOffset } = readHeaderBlock(raw);
  const buf = Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength);
  if (buf.includes(0)) problems.push('nul_bytes');
  let parsed: Awaited<ReturnType<typeof simpleParser>> | undefined;
  try {
    parsed = await simpleParser(buf, { skipTextToHtml: true, skipImageLinks: true, maxHtmlLengthToParse: 2_000_000 });
  } catch (error) {
    problems.push(`mime_unreadable: ${(error as Error).message}`.slice(0, 200));
  }
  const from = addresses(parsed?.from)[0] ?? addressFromRaw(headers.get('from')?.[0]) ?? null;
  if (!from) problems.push('no_from');
  const ids = parseIdList(headers.get('message-id'));
  const messageIdGenerated = ids.length === 0;
  const messageId = ids[0] ?? deterministicMessageId(raw, lines, bodyOffset, from?.address ?? null);
  const date = parsed?.date && !Number.isNaN(parsed.date.getTime()) ? parsed.date : null;
  let text = parsed?.text ?? '';
  const html = typeof parsed?.html === 'string' ? clean(parsed.html) : null;
  if (!text.trim() && html) text = htmlToText(html);
  if (!parsed) text = buf.subarray(bodyOffset, bodyOffset + 200_000).toString('utf8');
  const attachments: MailAttachment[] = (parsed?.attachments ?? []).map((a: Attachment) => ({
    filename: a.filename ? clean(a.filename) : null,
    contentType: (a.contentType || 'application/octet-stream').toLowerCase(),
    bytes: a.content,
    inline: a.contentDisposition === 'inline' || Boolean(a.related),
  }));
  return {
    messageId,
    messageIdGenerated,
    from,
    replyTo: addresses(parsed?.replyTo),
    to: addresses(parsed?.to),
    cc: addresses(parsed?.cc),
    subject: clean(parsed?.subject ?? headers.get('subject')?.[0] ?? '').replace(/\s+/g, ' ').trim(),
    date,
    inReplyTo: parseIdList(headers.get('in-reply-to')),
    references: parseIdList(headers.get('references')),
    headers,
    contentType: (headers.get('content-type')?.[0] ?? 'text/plain').toLowerCase(),
    text: clean(text),
    html,
    attachments,
    problems,
  };
}

/** Readable text from HTML-only mail: block elements become line breaks, tags and entities go. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style|head)[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/(p|div|li|tr|h[1-6]|blockquote)>/gi, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
