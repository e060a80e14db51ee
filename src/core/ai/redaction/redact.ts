import { findCards } from './card.js';
import { protectedRanges } from './context.js';
import { findEmails, normaliseEmail } from './email.js';
import { findIbans } from './iban.js';
import { findIps } from './ip.js';
import { findPhones, isSamePhone } from './phone.js';
import { findProfanity } from './profanity.js';
import { findSsns } from './ssn.js';
import type { Detector, Finding, FindingType } from './types.js';

export interface RedactOptions {
  /** Published company addresses left unchanged (compared case-insensitively). Usually `config.companyEmails`. */
  allowedEmails?: readonly string[];
  /** Published company phone numbers left unchanged in any format (with or without country code). */
  allowedPhones?: readonly string[];
  /** Put the original text of each span into `findings[].value` (for the output guard; never store these). */
  includeValues?: boolean;
}

export interface RedactResult {
  /** The text with every finding replaced by its placeholder. */
  text: string;
  /** What was replaced, sorted by `start`; offsets refer to the ORIGINAL text. */
  findings: Finding[];
}

/** What replaces each kind of span: readable in a reply, and clear that something was removed. */
export const PLACEHOLDERS: Readonly<Record<FindingType, string>> = {
  email: '[email removed]',
  phone: '[phone number removed]',
  card: '[card number removed]',
  iban: '[IBAN removed]',
  ssn: '[SSN removed]',
  ip: '[IP address removed]',
  profanity: '[expletive removed]',
};

/**
 * Detectors in priority order: when two spans overlap, the earlier detector wins (an email's digits
 * are never a phone; an IBAN's digits are never a card; checksummed types beat shape-only types).
 */
const DETECTORS: Detector[] = [findEmails, findIbans, findCards, findSsns, findIps, findPhones, findProfanity];

/**
 * Finds personal data and profanity in `text` (an AI reply) and replaces it with placeholders.
 * Pure and synchronous; safe to call on any string.
 */
export function redact(text: string, options: RedactOptions = {}): RedactResult {
  const allowedEmails = new Set((options.allowedEmails ?? []).map(normaliseEmail));
  const allowedPhones = options.allowedPhones ?? [];
  const input = { text, protectedRanges: protectedRanges(text) };
  const accepted: Finding[] = [];
  // Characters already claimed by an accepted finding or an allowed contact.
  const claimed = new Uint8Array(text.length);
  const isFree = (f: Finding) => claimed.subarray(f.start, f.end).every((c) => c === 0);
  for (const detect of DETECTORS) {
    // Within one detector, longer spans first, so "+1 (646) 555-0134" beats its "(646) 555-0134" tail.
    const candidates = detect(input).sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start);
    for (const candidate of candidates) {
      if (!isFree(candidate)) continue;
      claimed.fill(1, candidate.start, candidate.end);
      const value = text.slice(candidate.start, candidate.end);
      const isAllowed =
        (candidate.type === 'email' && allowedEmails.has(normaliseEmail(value))) ||
        (candidate.type === 'phone' && allowedPhones.some((p) => isSamePhone(value, p)));
      // An allowed contact is kept, and no later detector may claim its characters either.
      if (!isAllowed) accepted.push(options.includeValues ? { ...candidate, value } : { type: candidate.type, start: candidate.start, end: candidate.end });
    }
  }
  const findings = accepted.sort((a, b) => a.start - b.start);
  let out = '';
  let last = 0;
  for (const f of findings) {
    out += text.slice(last, f.start) + PLACEHOLDERS[f.type];
    last = f.end;
  }
  return { text: out + text.slice(last), findings };
}
