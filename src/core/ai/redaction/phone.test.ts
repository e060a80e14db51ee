import { describe, expect, it } from 'vitest';
import { protectedRanges } from './context.js';
import { findPhones, isSamePhone, phoneDigits } from './phone.js';

/** The distinct phone numbers findPhones finds in `text`, as written. */
const phones = (text: string) => [...new Set(findPhones({ text, protectedRanges: protectedRanges(text) }).map((f) => text.slice(f.start, f.end)))];

const PHONE_WORDS = [
  'call', 'calls', 'callback', 'contact', 'reach', 'dial', 'phone', 'telephone', 'tel', 'mobile', 'cell', 'fax', 'ring', 'text', 'sms', 'whatsapp', 'hotline', 'line',
  'telefon', 'telefonnummer', 'handy', 'handynummer', 'rufnummer', 'mobilnummer', 'anrufen',
  'téléphone', 'portable', 'appeler', 'appelez', 'teléfono', 'telefono', 'móvil', 'movil', 'celular', 'llamar', 'llamaremos',
];
const NOT_PHONE_LABELS = [
  'ups', 'usps', 'fedex', 'dhl', 'sscc', 'gls', 'dpd', 'hermes', 'order', 'orders', 'invoice', 'ticket', 'case', 'ref', 'reference', 'tracking', 'waybill', 'consignment', 'shipment',
  'pin', 'code', 'account', 'customer', 'member', 'booking', 'quote', 'contract', 'po', 'rma', 'serial', 'id', 'sku',
  'part', 'item', 'isbn', 'ean', 'vat', 'ein', 'policy', 'mandate', 'batch', 'lot', 'transaction', 'job', 'build',
  'auftrag', 'bestellung', 'bestellnummer', 'rechnung', 'kundennummer', 'commande', 'facture', 'pedido', 'factura',
];

describe('findPhones: labels and phone words', () => {
  it('Given no label, Then an international number is a phone and grouped digits are not (the controls)', () => {
    expect(phones('My number +44 20 7946 0123.')).toEqual(['+44 20 7946 0123']);
    expect(phones('The 912 345 678 one.')).toEqual([]);
  });

  it.each(NOT_PHONE_LABELS)('"%s" right before the number makes it an id, not a phone', (label) => {
    expect(phones(`My ${label} +44 20 7946 0123.`)).toEqual([]);
  });

  it.each(PHONE_WORDS)('"%s" makes grouped digits a phone, and beats a not-a-phone label', (word) => {
    expect(phones(`The ${word} 912 345 678 one.`)).toEqual(['912 345 678']);
    expect(phones(`Order ${word} +44 20 7946 0123.`)).toEqual(['+44 20 7946 0123']);
  });

  it('reads a label only in the last two words, and a phone word in the last three', () => {
    expect(phones('My order at +44 20 7946 0123.')).toEqual([]);
    expect(phones('Order my thing +44 20 7946 0123.')).toEqual(['+44 20 7946 0123']);
    expect(phones('Call my order +44 20 7946 0123.')).toEqual(['+44 20 7946 0123']);
    expect(phones('Call me my order +44 20 7946 0123.')).toEqual([]);
  });
});

describe('findPhones: formats', () => {
  it.each([
    ['ext.', 'See +44 20 7946 0123 ext. 42 now', '+44 20 7946 0123 ext. 42'],
    ['x', 'See +44 20 7946 0123 x12 now', '+44 20 7946 0123 x12'],
    ['Durchwahl', 'See +44 20 7946 0123, Durchwahl 12 now', '+44 20 7946 0123, Durchwahl 12'],
    ['dw.', 'See +44 20 7946 0123 dw. 12 now', '+44 20 7946 0123 dw. 12'],
    ['poste', 'See +44 20 7946 0123 poste 12 now', '+44 20 7946 0123 poste 12'],
    ['int.', 'See +44 20 7946 0123 int. 12 now', '+44 20 7946 0123 int. 12'],
    ['extension', 'See +44 20 7946 0123 extension 12 now', '+44 20 7946 0123 extension 12'],
  ])('an extension written %s belongs to the number', (_name, text, expected) => {
    expect(phones(text)).toEqual([expected]);
  });

  it.each([
    ['international with 8 digits', 'See +4 123 4567 now', ['+4 123 4567']],
    ['international with 7 digits', 'See +4 123 456 now', []],
    ['international with 15 digits', 'See +49 30 12345678901 now', ['+49 30 12345678901']],
    ['international with 16 digits', 'See +49 30 123456789012 now', []],
    ['+1 with 11 digits', 'See +1 415 555 0123 now', ['+1 415 555 0123', '415 555 0123']],
    ['+1 with 10 digits', 'See +1 415 555 012 now', []],
    ['+12 is not +1', 'See +12 345 678 90 now', ['+12 345 678 90']],
    ['national with 9 digits', 'See 0161 496 01 now', ['0161 496 01']],
    ['national with 11 digits', 'See 0161 496 0123 now', ['0161 496 0123']],
    ['national with 8 digits', 'See 0161 496 0 now', []],
    ['national with 12 digits', 'See 0161 496 01234 now', []],
    ['national with two kinds of separator', 'See 0161 496-0123 now', []],
    ['national with a bracketed area code', 'See (0161) 496 0123 now', ['(0161) 496 0123']],
    ['national with a bracketed area code and mixed separators', 'See (0161) 496-01 23 now', []],
    ['worded with 8 digits', 'Call 912 345 67 now', []],
    ['worded with two kinds of separator', 'Call 912 345-678 now', []],
    ['worded with 12 digits', 'Call 9123 4567 8912 now', []],
    ['toll-free 1300', 'See 1300 975 707 now', ['1300 975 707']],
    ['toll-free 1800', 'See 1800 975 707 now', ['1800 975 707']],
    ['toll-free 1900', 'See 1900 975 707 now', ['1900 975 707']],
    ['1400 is not toll-free', 'See 1400 975 707 now', []],
    ['compact after a phone word', 'Call 4155550123 now', ['4155550123']],
    ['compact without one', 'See 4155550123 now', []],
    ['7-digit local after a phone word', 'Call 555.0123 now', ['555.0123']],
    ['NANP with extension', 'See 555-234-5678 x204 now', ['555-234-5678 x204']],
    ['national with ext.', 'See 0161 496 0123 ext. 12 now', ['0161 496 0123 ext. 12']],
    ['national with Durchwahl', 'See 0161 496 0123, Durchwahl 12 now', ['0161 496 0123, Durchwahl 12']],
    ['national with x', 'See 0161 496 0123 x12 now', ['0161 496 0123 x12']],
    ['national with dw', 'See 0161 496 0123 dw 12 now', ['0161 496 0123 dw 12']],
    ['national with int', 'See 0161 496 0123 int 12 now', ['0161 496 0123 int 12']],
    ['national with ext', 'See 0161 496 0123 ext 12 now', ['0161 496 0123 ext 12']],
    ['international with a six-digit extension', 'See +44 20 7946 0123 ext.123456 now', ['+44 20 7946 0123 ext.123456']],
    ['national with dots', 'See 0161.496.0123 now', ['0161.496.0123']],
    ['bracketed area code, then dots', 'See (0161) 496.0123 now', ['(0161) 496.0123']],
    ['bracketed area code, then a dash', 'See (0161) 496-0123 now', ['(0161) 496-0123']],
    ['worded with 11 digits', 'Call 912 345 678 90 now', ['912 345 678 90']],
    ['worded with dots', 'Call 912.345.678 now', ['912.345.678']],
  ])('%s', (_name, text, expected) => {
    expect(phones(text)).toEqual(expected);
  });

  it.each([
    ['glued to a letter', 'See v+44 20 7946 0123 now'],
    ['after a dot', 'See a.0161 496 0123 now'],
    ['inside a URL', 'See https://x.example/+442079460123 now'],
    ['continuing a code', 'See 1Z 999 AA1 01 2345 6784 now'],
    ['after a code at the start of the text', '1Z9 0161 496 0123 now'],
    ['after a code that ends in letters', 'Box 1ZA 0161 496 0123 now'],
  ])('leaves alone a number %s', (_name, text) => {
    expect(phones(text)).toEqual([]);
  });

  it('Given a code fragment before it, Then an international number is still a phone (and a national one is not)', () => {
    expect(phones('Box 1Z9 +44 20 7946 0123 now')).toEqual(['+44 20 7946 0123']);
    expect(phones('Box 1Z9 0161 496 0123 now')).toEqual([]);
    // A code earlier in the text, not right before the number, does not count.
    expect(phones('Box A1 at 0161 496 0123 now')).toEqual(['0161 496 0123']);
  });

  it('reports exact offsets', () => {
    expect(findPhones({ text: 'Ring +44 20 7946 0123.', protectedRanges: [] })).toEqual([{ type: 'phone', start: 5, end: 21 }]);
  });
});

describe('phoneDigits and isSamePhone', () => {
  it('drops (0), separators and the trunk zero', () => {
    expect(phoneDigits('+44 (0)20 7946 0123')).toBe('442079460123');
    expect(phoneDigits('020 7946 0123')).toBe('2079460123');
    expect(phoneDigits('00 44 20')).toBe('4420');
  });

  it.each([
    ['020 7946 0123', '+44 20 7946 0123', true],
    ['1234567', '1234567', true],
    ['123456', '123456', false], // too short to compare
    ['1234567', '123456', false],
    ['9991234567', '1234567', true], // a country code of up to three digits
    ['1234567', '9991234567', true],
    ['99991234567', '1234567', false],
    ['12345678901', '78901234567', false],
    ['1234568', '1234567', false],
    ['9123456', '123456', false], // one of them too short, though the other ends with it
    ['123456', '9123456', false],
  ])('%s ≟ %s → %s', (a, b, expected) => {
    expect(isSamePhone(a, b)).toBe(expected);
  });
});
