import { overlapsAny, wordsBefore } from './context.js';
import type { DetectorInput, Finding } from './types.js';

const BEFORE = '(?<![\\p{L}\\p{N}_.,/+\\-])';
const AFTER = '(?![\\p{L}\\p{N}_]|[.,/:\\-]\\d)';
const EXTENSION = '(?:\\s*,?\\s*(?:ext\\.?|extension|x|durchwahl|dw\\.?|poste|int\\.?)\\s?\\d{1,6})?';

const PATTERNS: { name: string; regex: RegExp }[] = [
  // International: +CC then groups, possibly a bracketed area code or a (0) trunk prefix.
  { name: 'international', regex: new RegExp(`(?<![\\p{L}\\p{N}_])\\+\\d{1,3}(?:[ .\\-\\u00A0\\u202F]?(?:\\(0\\)|\\(\\d{1,4}\\)|\\d{1,5})){1,7}${EXTENSION}${AFTER}`, 'giu') },
  // North American: (NXX) NXX-XXXX, NXX-NXX-XXXX, NXX.NXX.XXXX, optionally 1- in front.
  { name: 'nanp', regex: new RegExp(`${BEFORE}(?:1[ .\\-\\u00A0\\u202F])?(?:\\(\\d{3}\\)[ .\\-\\u00A0\\u202F]?|\\d{3}[ .\\-\\u00A0\\u202F])\\d{3}[ .\\-\\u00A0\\u202F]\\d{4}${EXTENSION}${AFTER}`, 'giu') },
  // National with a trunk 0 (UK, FR, DE, …), in separated groups: 0117 496 0281, 06 39 98 21 47,
  // 07700 900123, 030/12345678, (02) 5550 1234.
  { name: 'national', regex: new RegExp(`${BEFORE}(?:0\\d{1,4}|\\(0\\d{1,4}\\))(?:[ .\\-/\\u00A0\\u202F]\\d{2,8}){1,4}${EXTENSION}${AFTER}`, 'giu') },
  // Groups of digits without a trunk prefix ("912 345 678") count only after a phone word.
  { name: 'worded', regex: new RegExp(`${BEFORE}\\d{2,4}(?:[ .\\-\\u00A0\\u202F]\\d{2,4}){2,4}${EXTENSION}${AFTER}`, 'giu') },
  // Australian and NANP-style toll-free and local-rate numbers without a trunk 0: 1800 160 401, 1300 975 707.
  { name: 'tollfree', regex: new RegExp(`${BEFORE}1[389]00[ \\-\\u00A0]\\d{3}[ \\-\\u00A0]\\d{3}${EXTENSION}${AFTER}`, 'giu') },
  // Compact numbers and 7-digit local numbers count only after a phone word (see PHONE_WORDS).
  { name: 'compact', regex: new RegExp(`${BEFORE}(?:\\d{10,11}|\\d{3}[.\\-]\\d{4})${EXTENSION}${AFTER}`, 'giu') },
];

const PHONE_WORDS = [
  'call', 'calls', 'callback', 'contact', 'reach', 'dial', 'phone', 'telephone', 'tel', 'mobile', 'cell', 'fax', 'ring', 'text', 'sms', 'whatsapp', 'hotline', 'line',
  'telefon', 'telefonnummer', 'handy', 'handynummer', 'rufnummer', 'mobilnummer', 'anrufen',
  'téléphone', 'portable', 'appeler', 'appelez', 'teléfono', 'telefono', 'móvil', 'movil', 'celular', 'llamar', 'llamaremos',
];
/** A label right before the digits that makes them an id, not a phone number. */
const NOT_PHONE_LABELS = [
  'ups', 'usps', 'fedex', 'dhl', 'sscc', 'gls', 'dpd', 'hermes', 'order', 'orders', 'invoice', 'ticket', 'case', 'ref', 'reference', 'tracking', 'waybill', 'consignment', 'shipment',
  'pin', 'code', 'account', 'customer', 'member', 'booking', 'quote', 'contract', 'po', 'rma', 'serial', 'id', 'sku',
  'part', 'item', 'isbn', 'ean', 'vat', 'ein', 'policy', 'mandate', 'batch', 'lot', 'transaction', 'job', 'build',
  'auftrag', 'bestellung', 'bestellnummer', 'rechnung', 'kundennummer', 'commande', 'facture', 'pedido', 'factura',
];

/** Dates and timestamps mix separators ("01.12.2026 14"); national phone numbers use one kind. */
function hasOneSeparator(value: string): boolean {
  return new Set(value.match(/[ .\-/\u00A0\u202F]/g)).size <= 1;
}

function digitCount(value: string): number {
  return value.replace(/\(0\)/g, '').replace(/\D/g, '').length;
}

/** Phone numbers in international, North American and national formats, extension included. */
export function findPhones({ text, protectedRanges }: DetectorInput): Finding[] {
  const found: Finding[] = [];
  for (const { name, regex } of PATTERNS) {
    for (const m of text.matchAll(regex)) {
      const span = { start: m.index, end: m.index + m[0].length };
      const core = m[0].replace(/\s*,?\s*(?:ext\.?|extension|x|durchwahl|dw\.?|poste|int\.?)\s?\d{1,6}$/i, '');
      const digits = digitCount(core);
      if (overlapsAny(span, protectedRanges)) continue;
      const label = wordsBefore(text, span.start, 3);
      const hasPhoneWord = label.some((w) => PHONE_WORDS.includes(w));
      if (!hasPhoneWord && label.slice(-2).some((w) => NOT_PHONE_LABELS.includes(w))) continue;
      // Digits right after a code fragment ("1Z 999 AA1 01 2345 6784") continue that code.
      if (name !== 'international' && /(?:^|\s)[\p{L}\p{N}]*\p{N}[\p{L}\p{N}]*\s$/u.test(text.slice(Math.max(0, span.start - 24), span.start))) continue;
      if (name === 'international' && (digits < 8 || digits > 15 || (/^\+1(?!\d)/.test(core) && digits !== 11))) continue;
      if (name === 'national' && (digits < 9 || digits > 11 || !hasOneSeparator(core.replace(/^\(0\d+\)\s?/, '')))) continue;
      if (name === 'worded' && (digits < 9 || digits > 11 || !hasOneSeparator(core) || !hasPhoneWord)) continue;
      if (name === 'compact' && !hasPhoneWord) continue;
      found.push({ type: 'phone', ...span });
    }
  }
  return found;
}

/** Digits of a phone number with a national trunk 0 and "(0)" dropped, for comparing with allowed numbers. */
export function phoneDigits(value: string): string {
  return value.replace(/\(0\)/g, '').replace(/\D/g, '').replace(/^0+/, '');
}

/** Is `candidate` the same number as `allowed`, written with or without its country code? */
export function isSamePhone(candidate: string, allowed: string): boolean {
  const a = phoneDigits(candidate);
  const b = phoneDigits(allowed);
  if (a.length < 7 || b.length < 7) return false;
  if (a === b) return true;
  const [longer, shorter] = a.length > b.length ? [a, b] : [b, a];
  return longer.endsWith(shorter) && longer.length - shorter.length <= 3;
}
