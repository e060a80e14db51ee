import { hasWord, overlapsAny, sentenceAround, textAround } from './context.js';
import type { DetectorInput, Finding } from './types.js';

const SSN_SEPARATED = /(?<![\p{L}\p{N}_.,/#-])(\d{3})([- ])(\d{2})\2(\d{4})(?![\p{L}\p{N}_]|[.,/-]\d)/gu;
const SSN_COMPACT = /(?<![\p{L}\p{N}_.,/#-])\d{9}(?![\p{L}\p{N}_]|[.,/-]\d)/gu;

/** Words that name a social security number, in the languages we answer in. */
const SSN_WORDS = [
  'ssn', 'ssns', 'social security', 'social-security', 'seguro social', 'sécurité sociale', 'securite sociale',
  'sozialversicherungsnummer', 'sozialversicherung', 'taxpayer id', 'tin', 'itin', '1099', 'w-2', 'w2', 'w-9',
];
/** Nouns that make a 3-2-4 number something else: part and model numbers, codes, placeholders. */
const NOT_SSN_WORDS = [
  'part', 'parts', 'sku', 'model', 'item', 'article', 'catalog', 'catalogue', 'code', 'pin', 'confirmation',
  'format', 'example', 'e.g', 'placeholder', 'sample', 'order', 'invoice', 'ticket', 'case', 'tracking',
  'member', 'membership', 'account', 'customer', 'employee', 'staff', 'student', 'id', 'ref', 'reference', 'booking',
  'serial', 'licence', 'license', 'policy', 'claim', 'meeting', 'passcode', 'voucher', 'coupon',
  'teil', 'artikel', 'bestellung', 'pièce', 'référence', 'pieza', 'código', 'codigo', 'pedido', 'phone', 'call',
];

function isSsnStructure(_area: string, group: string, serial: string): boolean {
  // Group 00 and serial 0000 are never issued and never written as SSNs. Area 000/666/9xx are
  // never issued either, but people and forms still write them as SSNs, so they count.
  return group !== '00' && serial !== '0000';
}

/**
 * US social security numbers. NNN-NN-NNNN (or spaces) counts unless the sentence says it is a part
 * number, a code or a format example; nine bare digits count only when the sentence names an SSN.
 */
export function findSsns({ text, protectedRanges }: DetectorInput): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(SSN_SEPARATED)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlapsAny(span, protectedRanges) || !isSsnStructure(m[1]!, m[3]!, m[4]!)) continue;
    const sentence = sentenceAround(text, span.start, span.end);
    if (!hasWord(sentence, SSN_WORDS) && hasWord(sentence, NOT_SSN_WORDS)) continue;
    found.push({ type: 'ssn', ...span });
  }
  for (const m of text.matchAll(SSN_COMPACT)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlapsAny(span, protectedRanges) || !isSsnStructure(m[0].slice(0, 3), m[0].slice(3, 5), m[0].slice(5))) continue;
    // The SSN may be named in the sentence before ("We removed the SSN. It was 931456782.").
    if (!hasWord(textAround(text, span.start, span.end, 120), SSN_WORDS)) continue;
    found.push({ type: 'ssn', ...span });
  }
  return found;
}
