import { describe, expect, it } from 'vitest';
import { IBAN_LENGTHS, passesIbanMod97 } from './checksums.js';
import { findIbans } from './iban.js';

const ibans = (text: string) => findIbans({ text, protectedRanges: [] }).map((f) => text.slice(f.start, f.end));

describe('passesIbanMod97', () => {
  it.each([
    ['GB82WEST12345698765432', true],
    ['gb82west12345698765432', true],
    ['NL91ABNA0417164300', true],
    ['DE89370400440532013000', true],
    ['GB83WEST12345698765432', false], // wrong check digits
    ['GB82WEST12345698765433', false],
    ['NL91ABNB0417164300', false], // a letter of the bank code changed
    ['8282WEST12345698765432', false], // no country
    ['GBX2WEST12345698765432', false],
    ['GB82', false],
    ['GB82WEST1234-5698765432', false],
    // Pass mod-97 as computed, but are no IBAN: a character after, before, or a letter in the check digits.
    ['GB25WEST1234569885-', false],
    ['-GB52WEST1234569814', false],
    ['GB1YWEST12345698574', false],
  ])('%s → %s', (value, expected) => {
    expect(passesIbanMod97(value)).toBe(expected);
  });

  it('knows the lengths of the registry', () => {
    expect(IBAN_LENGTHS).toMatchObject({ GB: 22, DE: 22, NL: 18, BE: 16, FR: 27, NO: 15, RU: 33 });
  });
});

describe('findIbans', () => {
  it.each([
    ['grouped', 'Pay to GB82 WEST 1234 5698 7654 32 please.', ['GB82 WEST 1234 5698 7654 32']],
    ['dashed', 'Pay to DE89-3704-0044-0532-0130-00 please.', ['DE89-3704-0044-0532-0130-00']],
    ['lower case', 'pay to de89370400440532013000 please', ['de89370400440532013000']],
    ['at the end of the text', 'IBAN NL91ABNA0417164300', ['NL91ABNA0417164300']],
    ['wrong check digit', 'Pay to GB83 WEST 1234 5698 7654 32 please.', []],
    ['wrong check digit, compact', 'IBAN DE88370400440532013000.', []],
    ['mixed-case start', 'Pay to De89 3704 0044 0532 0130 00 please.', []],
    ['unknown country', 'Pay to XX89 3704 0044 0532 0130 00 please.', []],
    ['one character short', 'Pay to DE89 3704 0044 0532 0130 0 please.', []],
    ['one character too many', 'Pay to DE89 3704 0044 0532 0130 001 please.', []],
    ['glued to a letter after', 'Pay to DE89370400440532013000X please.', []],
    ['double space between groups', 'Pay to DE89  3704 0044 0532 0130 00.', []],
    ['dots between groups', 'Pay to DE89.3704.0044.0532.0130.00 ok.', []],
    ['a space before the fourth character', 'Pay to DE8 9370400440532013000.', []],
    ['glued to a letter before', 'Pay to XDE89370400440532013000.', []],
  ])('%s', (_name, text, expected) => {
    expect(ibans(text)).toEqual(expected);
  });

  it('Given a separator that ends the text, Then the span ends before it', () => {
    expect(findIbans({ text: 'NL91ABNA0417164300 ', protectedRanges: [] })).toEqual([{ type: 'iban', start: 0, end: 18 }]);
    expect(findIbans({ text: 'NL91 ABNA 0417 1643 00-', protectedRanges: [] })).toEqual([{ type: 'iban', start: 0, end: 22 }]);
  });
});
