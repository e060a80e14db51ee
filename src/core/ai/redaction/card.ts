import { passesLuhn } from './checksums.js';
import { overlapsAny, wordsBefore } from './context.js';
import type { DetectorInput, Finding } from './types.js';

// A run of digits with single space or dash separators, not glued to letters, digits or a decimal point.
// Separators: space, no-break spaces (typeset numbers) or dash.
const DIGIT_RUN = /(?<![\p{L}\p{N}_.,/-]|[\p{L}\p{N}]-)\d(?:[ \u00A0\u202F-]?\d)+(?![\p{L}\p{N}_]|[.,/]\d|-\d)/gu;

/** Labels that, right before a number, say it is not a card even when Luhn happens to pass. */
const NOT_CARD_LABELS = [
  'device', 'imei', 'serial', 'job', 'ref', 'reference', 'consignment', 'tracking', 'shipment', 'parcel',
  'order', 'invoice', 'voucher', 'coupon', 'activation', 'licence', 'license', 'account', 'customer',
  'member', 'membership', 'ticket', 'case', 'booking', 'reservation', 'waybill', 'awb', 'sscc', 'isbn',
  'ean', 'gtin', 'upc', 'sku', 'batch', 'lot', 'meter', 'policy', 'contract', 'mandate', 'transaction',
  'auftrag', 'bestellung', 'bestellnummer', 'sendung', 'rechnung', 'commande', 'facture', 'colis',
  'pedido', 'factura', 'envío', 'envio', 'referencia', 'référence',
];
const CARD_WORDS = ['card', 'cards', 'visa', 'mastercard', 'amex', 'discover', 'diners', 'jcb', 'unionpay', 'karte', 'kreditkarte', 'carte', 'tarjeta', 'pan', 'cc', 'credit', 'debit'];

/** Does the number start like a real card brand (IIN ranges) with a length that brand issues? */
export function hasCardBrand(digits: string): boolean {
  const n = digits.length;
  const p2 = Number(digits.slice(0, 2));
  const p3 = Number(digits.slice(0, 3));
  const p4 = Number(digits.slice(0, 4));
  const p6 = Number(digits.slice(0, 6));
  if (digits[0] === '4') return n === 13 || n === 16 || n === 19; // Visa (incl. Electron)
  if (p2 >= 51 && p2 <= 55) return n === 16; // Mastercard
  if (p4 >= 2221 && p4 <= 2720) return n === 16; // Mastercard 2-series
  if (p2 === 34 || p2 === 37) return n === 15; // Amex
  if (p4 === 6011 || p2 === 65 || (p3 >= 644 && p3 <= 649) || (p6 >= 622126 && p6 <= 622925)) return n >= 16 && n <= 19; // Discover
  if ((p3 >= 300 && p3 <= 305) || p2 === 36 || p2 === 38 || p2 === 39) return n >= 14 && n <= 19; // Diners
  if (p4 >= 3528 && p4 <= 3589) return n >= 16 && n <= 19; // JCB
  if (p2 === 62 || p2 === 81) return n >= 16 && n <= 19; // UnionPay
  if (p2 === 50 || (p2 >= 56 && p2 <= 69)) return n >= 12 && n <= 19; // Maestro
  return false;
}

/** Card groups: compact, or a first group of 4 followed by groups of 2–6 with one kind of separator. */
function hasCardGrouping(raw: string): boolean {
  if (/^\d+$/.test(raw)) return true;
  const separators = new Set(raw.match(/[ \u00A0\u202F-]/g));
  if (separators.size !== 1) return false;
  const groups = raw.split(/[ \u00A0\u202F-]/);
  return groups[0]!.length === 4 && groups.slice(1).every((g) => g.length >= 2 && g.length <= 6) && groups.length <= 5;
}

/** Payment card numbers: 13–19 digits, Luhn, a known brand prefix, card-like grouping, no "not a card" label. */
export function findCards({ text, protectedRanges }: DetectorInput): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(DIGIT_RUN)) {
    const raw = m[0];
    const digits = raw.replace(/\D/g, '');
    if (digits.length < 13 || digits.length > 19) continue;
    const span = { start: m.index, end: m.index + raw.length };
    if (overlapsAny(span, protectedRanges)) continue;
    if (!passesLuhn(digits) || !hasCardBrand(digits) || !hasCardGrouping(raw)) continue;
    const label = wordsBefore(text, span.start, 4);
    if (label.some((w) => NOT_CARD_LABELS.includes(w)) && !label.some((w) => CARD_WORDS.includes(w))) continue;
    found.push({ type: 'card', ...span });
  }
  return found;
}
