import { describe, expect, it } from 'vitest';
import { findCards, hasCardBrand } from './card.js';
import { passesLuhn } from './checksums.js';
import { protectedRanges } from './context.js';

/** The card numbers findCards finds in `text`, as written. */
const cards = (text: string) => findCards({ text, protectedRanges: protectedRanges(text) }).map((f) => text.slice(f.start, f.end));
const digits = (n: number, prefix: string) => prefix + '0'.repeat(n - prefix.length);

describe('passesLuhn', () => {
  it.each([
    ['4111111111111111', true],
    ['4111111111111112', false],
    ['0', true],
    ['18', true], // 1 doubled is 2: 2 + 8
    ['91', true], // 9 doubled is 18, minus 9 is 9: 9 + 1
    ['19', false],
    ['59', true],
    ['4111a11111111111', false], // a letter is not a digit, whatever its code
    ['4111/11111111111', false],
    ['5/', false], // '/' would count as -1 if characters were not checked
    ['0:', false], // ':' would count as 10
    ['', false],
  ])('%s → %s', (value, expected) => {
    expect(passesLuhn(value)).toBe(expected);
  });
});

describe('hasCardBrand: issuer ranges and lengths', () => {
  it.each([
    ['Visa 13', digits(13, '4'), true],
    ['Visa 16', digits(16, '4'), true],
    ['Visa 19', digits(19, '4'), true],
    ['Visa 15', digits(15, '4'), false],
    ['Mastercard 51', digits(16, '51'), true],
    ['Mastercard 55', digits(16, '55'), true],
    ['Mastercard 55 at 15', digits(15, '55'), false],
    ['Mastercard 2221', digits(16, '2221'), true],
    ['Mastercard 2720', digits(16, '2720'), true],
    ['Mastercard 2-series at 15', digits(15, '2221'), false],
    ['2220 is no brand', digits(16, '2220'), false],
    ['2721 is no brand', digits(16, '2721'), false],
    ['Amex 34', digits(15, '34'), true],
    ['Amex 37', digits(15, '37'), true],
    ['Amex at 16', digits(16, '34'), false],
    ['35 at 15 is no brand', digits(15, '35'), false],
    ['Discover 6011', digits(16, '6011'), true],
    ['Discover 6011 at 19', digits(19, '6011'), true],
    ['Discover 6011 at 15', digits(15, '6011'), false],
    ['Discover 6011 at 20', digits(20, '6011'), false],
    ['Discover 65 at 12 (not Maestro)', digits(12, '65'), false],
    ['Discover 644', digits(16, '644'), true],
    ['Discover 649', digits(16, '649'), true],
    ['Discover 644 at 13', digits(13, '644'), false],
    ['Discover 622126', digits(16, '622126'), true],
    ['Discover 622925', digits(16, '622925'), true],
    ['Diners 300', digits(14, '300'), true],
    ['Diners 305', digits(14, '305'), true],
    ['Diners 300 at 13', digits(13, '300'), false],
    ['Diners 36', digits(14, '36'), true],
    ['Diners 38', digits(19, '38'), true],
    ['Diners 39', digits(14, '39'), true],
    ['Diners at 20', digits(20, '36'), false],
    ['306 is no brand', digits(14, '306'), false],
    ['JCB 3528', digits(16, '3528'), true],
    ['JCB 3589', digits(19, '3589'), true],
    ['JCB at 15', digits(15, '3528'), false],
    ['JCB at 20', digits(20, '3528'), false],
    ['3527 is no brand', digits(16, '3527'), false],
    ['UnionPay 62', digits(16, '62'), true],
    ['UnionPay 81', digits(19, '81'), true],
    ['UnionPay at 15', digits(15, '81'), false],
    ['UnionPay at 20', digits(20, '81'), false],
    ['Maestro 50', digits(12, '50'), true],
    ['Maestro 56', digits(12, '56'), true],
    ['Maestro 69', digits(19, '69'), true],
    ['Maestro at 11', digits(11, '50'), false],
    ['Maestro at 20', digits(20, '50'), false],
    ['62 at 12 is UnionPay, not Maestro', digits(12, '62'), false],
    ['649 at 12 is Discover, not Maestro', digits(12, '649'), false],
    ['70 is no brand', digits(16, '70'), false],
    ['1 is no brand', digits(16, '1'), false],
  ])('%s', (_name, value, expected) => {
    expect(hasCardBrand(value)).toBe(expected);
  });
});

describe('findCards', () => {
  it('Given a card word and no other label, Then Luhn alone decides', () => {
    expect(cards('Card 4012888888881881 declined.')).toEqual(['4012888888881881']);
    expect(cards('Card 4012888888881882 declined.')).toEqual([]);
    expect(cards('Card 4012 8888 8888 1881 declined.')).toEqual(['4012 8888 8888 1881']);
    expect(cards('Card 4012 8888 8888 1880 declined.')).toEqual([]);
  });

  it('Given a Luhn-valid number with no brand, Then it is not a card', () => {
    expect(cards('Card 7000000000000002 declined.')).toEqual([]);
  });

  it.each([
    ['compact', 'Card 4012888888881881.', ['4012888888881881']],
    ['groups of four', 'Card 4012 8888 8888 1881.', ['4012 8888 8888 1881']],
    ['dashes', 'Card 4012-8888-8888-1881.', ['4012-8888-8888-1881']],
    ['4-6-5', 'Card 3714 496353 98431.', ['3714 496353 98431']],
    ['4-2 groups up to five', 'Card 4012 88 888888 1881.', ['4012 88 888888 1881']],
    ['mixed separators', 'Card 4012 8888-8888 1881.', []],
    ['a first group of five', 'Card 40128 8888 888 1881.', []],
    ['13 digits', 'Card 4222222222222.', ['4222222222222']],
    ['12 digits, though a Maestro with Luhn', 'Card 500000000009.', []],
    ['first group of three', 'Card 401 2888 8888 8188 1.', []],
    ['six groups', 'Card 4012 88 88 88 88 18 81.', []],
    ['a group of seven', 'Card 4012 8888888 81881.', []],
    ['a group of one', 'Card 4012 8888 8888 188 1.', []],
    ['12 digits', 'Card 4012 8888 8881.', []],
    ['20 digits', 'Card 40128888888818810000.', []],
  ])('grouping: %s', (_name, text, expected) => {
    expect(cards(text)).toEqual(expected);
  });

  it('Given a card inside a protected range (a URL), Then it is left alone', () => {
    expect(cards('See https://shop.example/4012888888881881 now.')).toEqual([]);
    expect(cards('See https://shop.example/?card=4012888888881881 now.')).toEqual([]);
  });

  it('Given a number glued to letters or decimals, Then it is not a card', () => {
    expect(cards('Ref A4012888888881881 and 4012888888881881X.')).toEqual([]);
    expect(cards('Total 0.4012888888881881 units.')).toEqual([]);
  });

  it('reports exact offsets', () => {
    expect(findCards({ text: 'Card 4012888888881881.', protectedRanges: [] })).toEqual([{ type: 'card', start: 5, end: 21 }]);
  });
});

// Each label, on its own, turns a Luhn-valid card-shaped number into something else.
const NOT_CARD_LABELS = [
  'device', 'imei', 'serial', 'job', 'ref', 'reference', 'consignment', 'tracking', 'shipment', 'parcel',
  'order', 'invoice', 'voucher', 'coupon', 'activation', 'licence', 'license', 'account', 'customer',
  'member', 'membership', 'ticket', 'case', 'booking', 'reservation', 'waybill', 'awb', 'sscc', 'isbn',
  'ean', 'gtin', 'upc', 'sku', 'batch', 'lot', 'meter', 'policy', 'contract', 'mandate', 'transaction',
  'auftrag', 'bestellung', 'bestellnummer', 'sendung', 'rechnung', 'commande', 'facture', 'colis',
  'pedido', 'factura', 'envío', 'envio', 'referencia', 'référence',
];
const CARD_WORDS = ['card', 'cards', 'visa', 'mastercard', 'amex', 'discover', 'diners', 'jcb', 'unionpay', 'karte', 'kreditkarte', 'carte', 'tarjeta', 'pan', 'cc', 'credit', 'debit'];

describe('findCards: labels', () => {
  it('Given no label at all, Then the number is a card (the control for the tables below)', () => {
    expect(cards('The 4012 8888 8888 1881 is here.')).toEqual(['4012 8888 8888 1881']);
  });

  it.each(NOT_CARD_LABELS)('"%s" before the number makes it not a card', (label) => {
    expect(cards(`The ${label} 4012 8888 8888 1881 is here.`)).toEqual([]);
  });

  it.each(CARD_WORDS)('"%s" next to a not-a-card label keeps it a card', (word) => {
    expect(cards(`Order ${word} 4012 8888 8888 1881 is here.`)).toEqual(['4012 8888 8888 1881']);
  });

  it('looks four words back, no further', () => {
    expect(cards('Order one two three 4012 8888 8888 1881.')).toEqual([]);
    expect(cards('Order one two three four 4012 8888 8888 1881.')).toEqual(['4012 8888 8888 1881']);
  });
});
