import { redact } from '../redaction/redact.js';
import { classifyInbound } from './classify-inbound.js';
import { decodeBase64Text } from './normalise.js';

export interface GuardOptions {
  /** Secret markers planted in the system prompt (and in test data): a reply containing one is a leak. */
  canaries: readonly string[];
  /** Identifiers of OTHER tickets and customers (ticket numbers, order ids, emails, names) that must never appear. */
  forbiddenIdentifiers: readonly string[];
  /** The customer message being answered: payloads in it (card numbers, IBANs, look-alike links) must not be echoed. */
  customerMessage?: string;
  /** Domains the reply may link to even when the customer mentioned them (the company's own sites). */
  allowedDomains?: readonly string[];
}

export interface GuardResult {
  /** False: do not send or store this reply as an answer; hand the ticket to a person. */
  allowed: boolean;
  /** Why it was blocked, e.g. `canary`, `forbidden_identifier`, `echoed_card`, `echoed_link`, `echoed_payload`. */
  reasons: string[];
}

const INVISIBLE = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;

/** Lower case, NFKC, invisible characters removed: what a reader of the reply would see. */
function visible(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').toLowerCase();
}

/** Letters and digits only: catches a value re-spaced, re-dashed or split across lines. */
function squeeze(text: string): string {
  return text.replace(/[^\p{L}\p{N}]/gu, '');
}

const BASE64_CHUNK = /[A-Za-z0-9+/]{12,}={0,2}/g;

/** Decoded base64 chunks of the reply, so a canary cannot leave the building encoded. */
function decodedChunks(text: string): string {
  return [...text.matchAll(BASE64_CHUNK)].map((m) => decodeBase64Text(m[0]) ?? '').join('\n');
}

/**
 * Every base64 chunk decoded as it is, for the canaries only: a canary encoded on its own has no space
 * in it, so it is not the "readable text" decodedChunks keeps.
 */
function rawDecodedChunks(text: string): string {
  return [...text.matchAll(BASE64_CHUNK)].map((m) => Buffer.from(m[0], 'base64').toString('utf8')).join('\n');
}

function containsIdentifier(reply: string, squeezedReply: string, identifier: string): boolean {
  const id = visible(identifier).trim();
  if (!id) return false;
  const digitsOnly = /^[\d\s#./-]+$/.test(id);
  if (digitsOnly) {
    // A number matches as a whole number, however it is spaced or dashed ("1042" is not inside "21042").
    const digits = id.replace(/\D/g, '');
    const runs = reply.match(/\d(?:[\s./-]?\d)*/g) ?? [];
    return digits.length > 0 && runs.some((run) => run.replace(/\D/g, '') === digits || (digits.length >= 6 && run.replace(/\D/g, '').includes(digits)));
  }
  if (reply.includes(id)) return true;
  const squeezed = squeeze(id);
  return squeezed.length >= 6 && squeezedReply.includes(squeezed);
}

/** Hosts of links and bare domains in a text ("https://a.example/x", "examp1e-verify.test"). */
function hostsIn(text: string): string[] {
  const hosts = new Set<string>();
  for (const m of text.matchAll(/\b(?:https?:\/\/)?((?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,})(?=[/:?#\s)"'\]]|$)/gi)) {
    const host = m[1]!.toLowerCase();
    if (!FILE_EXTENSIONS.test(host) && !text.slice(Math.max(0, m.index - 1), m.index).includes('@')) hosts.add(host);
  }
  return [...hosts];
}

const FILE_EXTENSIONS = /\.(pdf|png|jpe?g|gif|webp|svg|txt|csv|docx?|xlsx?|pptx?|zip|eml|json|xml|html?|exe|js|ts|md|log)$/;

function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  return allowed.some((d) => host === d.toLowerCase() || host.endsWith(`.${d.toLowerCase()}`));
}

/** Edit distance, for look-alike domain labels ("examp1e" vs "example"). */
function distance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length]!;
}

/** Does a host imitate one of the company's domains ("examp1e-verify.test", "example-support.test")? */
function isLookalike(host: string, allowed: readonly string[]): boolean {
  const parts = host.split(/[.-]/).filter((p) => p.length >= 4);
  return allowed.some((domain) => {
    const brand = domain.toLowerCase().split('.')[0] ?? '';
    return brand.length >= 4 && parts.some((p) => p.includes(brand) || distance(p, brand) <= (brand.length >= 7 ? 2 : 1));
  });
}

/** Quoted phrases and code-like tokens an attacker asked to be said ("Say 'Assigned to CEO'", ERSTATTET-500). */
function requestedPhrases(message: string): string[] {
  const phrases = [...message.matchAll(/['"“‘«]([^'"”’»\n]{4,80})['"”’»]/g)].map((m) => m[1]!.trim());
  const codes = message.match(/\b(?=[A-Z0-9-]*[A-Z])(?=[A-Z0-9-]*[0-9-])[A-Z0-9]{2,}(?:-[A-Z0-9]+)+\b|\b[A-Z]{2,}(?: [A-Z]{2,}){1,4}\b/g) ?? [];
  // Short everyday phrases ("You are") would block innocent replies; keep distinctive ones.
  return [...phrases, ...codes].filter((p) => p.length >= 12 || (/\d/.test(p) && p.replace(/\W/g, '').length >= 4));
}

/** issue 13 (e): secrets the customer pasted (a labelled password, API keys and tokens): never repeated. */
export function pastedSecrets(message: string): string[] {
  const labelled = [...message.matchAll(/\b(?:password|passwort|kennwort|mot de passe|contraseña|contrasena|clave|senha|pwd|passcode|passphrase)\s*(?:\bis\b|\bist\b|\blautet\b|\best\b|\bes\b|é|\be\b|[:=])\s*["'“«]?([^\s"'”»,]{6,})/giu)].map((m) => m[1]!.replace(/[.;:!?]+$/, ''));
  const tokens = message.match(/\b(?:sk|pk|rk)[-_][A-Za-z0-9_-]{16,}|\bgh[pousr]_[A-Za-z0-9]{20,}|\bAKIA[0-9A-Z]{16}\b|\bxox[abpr]-[A-Za-z0-9-]{10,}|\bAIza[0-9A-Za-z_-]{30,}|\b(?=[A-Za-z0-9_-]*\d)(?=[A-Za-z0-9_-]*[A-Za-z])[A-Za-z0-9_-]{32,}\b/g) ?? [];
  return [...labelled, ...tokens].filter((s) => s.length >= 6);
}

/** issue 13 (a): codes the customer asked the desk to apply (coupons, vouchers): a reply must not confirm them. */
const actionCodes = (message: string): string[] => message.match(/\b(?=[A-Z0-9]*\d)[A-Z][A-Z0-9]{3,}\b|\b[A-Z]{5,}\b/g)?.filter((c) => !/^\d+$/.test(c)) ?? [];

/**
 * The last check before an AI reply is stored or sent. Blocks replies that leak a canary, mention
 * another ticket's identifiers, or echo what the customer pasted or asked to be repeated. Pure.
 */
export function guardReply(reply: string, options: GuardOptions): GuardResult {
  const reasons = new Set<string>();
  const seen = visible(`${reply}\n${decodedChunks(reply)}`);
  const squeezed = squeeze(seen);

  const rawDecoded = visible(rawDecodedChunks(reply));
  for (const canary of options.canaries) {
    const c = visible(canary);
    if (c && (seen.includes(c) || rawDecoded.includes(c) || (squeeze(c).length >= 6 && squeezed.includes(squeeze(c))))) reasons.add('canary');
  }
  for (const identifier of options.forbiddenIdentifiers) {
    if (containsIdentifier(seen, squeezed, identifier)) reasons.add('forbidden_identifier');
  }

  if (options.customerMessage) {
    const message = options.customerMessage.normalize('NFKC').replace(INVISIBLE, '');
    // Card numbers, IBANs and SSNs the customer pasted are never repeated, in any spacing.
    for (const finding of redact(message, { includeValues: true }).findings) {
      if (finding.type !== 'card' && finding.type !== 'iban' && finding.type !== 'ssn') continue;
      const value = squeeze(finding.value!.toLowerCase());
      if (squeezed.includes(value)) reasons.add(`echoed_${finding.type}`);
    }
    // Links the customer supplied are not repeated when they imitate the company's domains or the
    // message is an attack (exfiltration endpoints, phishing pages); an ordinary shop link may be.
    for (const secret of pastedSecrets(message)) {
      if (seen.includes(visible(secret)) || squeezed.includes(squeeze(visible(secret)))) reasons.add('echoed_secret');
    }
    const classification = classifyInbound(message);
    if (classification.categories.includes('action')) {
      for (const code of actionCodes(message)) if (seen.includes(visible(code))) reasons.add('echoed_action_code');
    }
    const inbound = classification.reason;
    const isAttack = inbound === 'suspected_injection' || inbound === 'safety';
    const allowed = options.allowedDomains ?? [];
    for (const host of hostsIn(message)) {
      if (isAllowedHost(host, allowed) || !seen.includes(host)) continue;
      if (isAttack || isLookalike(host, allowed)) reasons.add('echoed_link');
    }
    // When the message carries instructions for the AI, the phrases it asked for are never said.
    if (inbound === 'suspected_injection') {
      for (const phrase of requestedPhrases(message)) {
        const p = visible(phrase);
        if (seen.includes(p) || (squeeze(p).length >= 6 && squeezed.includes(squeeze(p)))) reasons.add('echoed_payload');
      }
    }
  }
  return { allowed: reasons.size === 0, reasons: [...reasons] };
}
