import { describe, expect, it } from 'vitest';
import { protectedRanges } from './context.js';
import { findSsns } from './ssn.js';

const ssns = (text: string) => findSsns({ text, protectedRanges: protectedRanges(text) }).map((f) => text.slice(f.start, f.end));

const SSN_WORDS = [
  'ssn', 'ssns', 'social security', 'social-security', 'seguro social', 'sécurité sociale', 'securite sociale',
  'sozialversicherungsnummer', 'sozialversicherung', 'taxpayer id', 'tin', 'itin', '1099', 'w-2', 'w2', 'w-9',
];
const NOT_SSN_WORDS = [
  'part', 'parts', 'sku', 'model', 'item', 'article', 'catalog', 'catalogue', 'code', 'pin', 'confirmation',
  'format', 'example', 'e.g', 'placeholder', 'sample', 'order', 'invoice', 'ticket', 'case', 'tracking',
  'member', 'membership', 'account', 'customer', 'employee', 'staff', 'student', 'id', 'ref', 'reference', 'booking',
  'serial', 'licence', 'license', 'policy', 'claim', 'meeting', 'passcode', 'voucher', 'coupon',
  'teil', 'artikel', 'bestellung', 'pièce', 'référence', 'pieza', 'código', 'codigo', 'pedido', 'phone', 'call',
];

describe('findSsns: words', () => {
  it('Given no word at all, Then 3-2-4 is an SSN and nine bare digits are not (the controls)', () => {
    expect(ssns('The number 123-45-6789 is on file.')).toEqual(['123-45-6789']);
    expect(ssns('The number 987654320 is on file.')).toEqual([]);
  });

  it.each(SSN_WORDS)('"%s" makes nine bare digits an SSN, and beats a not-an-SSN word', (word) => {
    expect(ssns(`The ${word} 987654320 is on file.`)).toEqual(['987654320']);
    expect(ssns(`The ${word} for part 123-45-6789 is on file.`)).toEqual(['123-45-6789']);
  });

  it.each(NOT_SSN_WORDS)('"%s" in the sentence makes 3-2-4 something else', (word) => {
    expect(ssns(`The ${word} 123-45-6789 is on file.`)).toEqual([]);
  });

  it('reads the words of the same sentence for 3-2-4, and 120 characters around for bare digits', () => {
    expect(ssns('A part list. The number 123-45-6789 is on file.')).toEqual(['123-45-6789']);
    expect(ssns(`SSN ${'y'.repeat(110)} 987654320`)).toEqual(['987654320']);
    expect(ssns(`SSN ${'y'.repeat(125)} 987654320`)).toEqual([]);
    expect(ssns(`987654320 ${'y'.repeat(110)} SSN`)).toEqual(['987654320']);
    expect(ssns(`987654320 ${'y'.repeat(125)} SSN`)).toEqual([]);
  });
});

describe('findSsns: shapes', () => {
  it.each([
    ['spaced', 'SSN 123 45 6789 ok', ['123 45 6789']],
    ['mixed separators', 'SSN 123-45 6789 ok', []],
    ['group 00', 'SSN 123-00-6789 ok', []],
    ['serial 0000', 'SSN 123-45-0000 ok', []],
    ['compact group 00', 'SSN 987004320 ok', []],
    ['compact serial 0000', 'SSN 987650000 ok', []],
    ['area 000 still counts', 'SSN 000-45-6789 ok', ['000-45-6789']],
    ['after #', 'SSN id#123-45-6789 ok', []],
    ['followed by decimals', 'SSN 123-45-6789.5 ok', []],
    ['ten digits', 'SSN 9876543201 ok', []],
    ['inside a URL', 'SSN https://a.example/123-45-6789 ok', []],
    ['compact inside a URL', 'SSN https://a.example/987654320 ok', []],
  ])('%s', (_name, text, expected) => {
    expect(ssns(text)).toEqual(expected);
  });

  it('reports exact offsets', () => {
    expect(findSsns({ text: 'SSN 123-45-6789 and 987654320', protectedRanges: [] })).toEqual([
      { type: 'ssn', start: 4, end: 15 },
      { type: 'ssn', start: 20, end: 29 },
    ]);
  });
});
