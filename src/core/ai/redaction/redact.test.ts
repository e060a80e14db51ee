import { describe, expect, it } from 'vitest';
import { passesIbanMod97, passesLuhn } from './checksums.js';
import { redact } from './redact.js';
import type { FindingType } from './types.js';

const COMPANY = {
  allowedEmails: ['help@acme.example', 'Billing@Acme.Example'],
  allowedPhones: ['+1 800 555 0199', '+44 20 7946 0999'],
};

/** The spans found in `text`, as [type, matched text] pairs. */
function spans(text: string): [FindingType, string][] {
  return redact(text, COMPANY).findings.map((f) => [f.type, text.slice(f.start, f.end)]);
}

describe('redact: positives', () => {
  it.each<[string, string, FindingType, string]>([
    ['email', 'Write to jane.o\'hara+news@mail.sub.example.org today.', 'email', "jane.o'hara+news@mail.sub.example.org"],
    ['email in angle brackets', 'From: <ZOE.K@EXAMPLE.NET>.', 'email', 'ZOE.K@EXAMPLE.NET'],
    ['mailto link', 'Click mailto:12345@example.net to reply.', 'email', '12345@example.net'],
    ['a support@ address at another domain', 'Add support@vendor.test to the list.', 'email', 'support@vendor.test'],
    ['US phone with extension', 'Call (555) 234-5678 ext. 42 after nine.', 'phone', '(555) 234-5678 ext. 42'],
    ['US phone with x extension', 'Reach me at 555-234-5678 x204.', 'phone', '555-234-5678 x204'],
    ['international with (0) trunk', 'Ring +44 (0)20 7946 0123 tomorrow.', 'phone', '+44 (0)20 7946 0123'],
    ['German international', 'Die Nummer +49 30 12345678 ist neu.', 'phone', '+49 30 12345678'],
    ['Australian mobile', 'Text +61 491 570 156 when ready.', 'phone', '+61 491 570 156'],
    ['E.164', 'Your number +14155550123 is verified.', 'phone', '+14155550123'],
    ['UK national', 'The depot is on 0161 496 0123.', 'phone', '0161 496 0123'],
    ['French pairs', 'Appelez le 01 99 00 12 34 demain.', 'phone', '01 99 00 12 34'],
    ['dotted US', 'New number: 555.234.9876.', 'phone', '555.234.9876'],
    ['UK mobile national', 'Her mobile is 07700 900123 now.', 'phone', '07700 900123'],
    ['German with slash', 'Telefon 030/12345678 ist besetzt.', 'phone', '030/12345678'],
    ['bracketed national', 'The Sydney line (02) 5550 1234 is open.', 'phone', '(02) 5550 1234'],
    ['Spanish without trunk prefix', 'Le llamaremos al 912 345 678 mañana.', 'phone', '912 345 678'],
    ['7-digit local after a phone word', 'Call me at 555-0123 later.', 'phone', '555-0123'],
    ['Australian toll-free', 'Ring 1800 160 401 on weekdays.', 'phone', '1800 160 401'],
    ['French with no-break spaces', 'Votre numéro 06\u00A039\u00A098\u00A021\u00A047 est noté.', 'phone', '06\u00A039\u00A098\u00A021\u00A047'],
    ['compact after a phone word', 'Please call 4155550123 tonight.', 'phone', '4155550123'],
    ['Visa compact', 'Card 4012888888881881 was declined.', 'card', '4012888888881881'],
    ['card after an order number', 'The refund for order 58213097 went to 4012 8888 8888 1881 today.', 'card', '4012 8888 8888 1881'],
    ['card with no-break spaces', 'Karte 4012\u00A08888\u00A08888\u00A01881 belastet.', 'card', '4012\u00A08888\u00A08888\u00A01881'],
    ['Mastercard dashed', 'We charged 5454-5454-5454-5454 today.', 'card', '5454-5454-5454-5454'],
    ['Amex 4-6-5', 'The Amex 3714 496353 98431 is on file.', 'card', '3714 496353 98431'],
    ['JCB', 'JCB 3530 1113 3330 0000 added.', 'card', '3530 1113 3330 0000'],
    ['Discover', 'Discover 6011 1111 1111 1117 expired.', 'card', '6011 1111 1111 1117'],
    ['Diners 14 digits', 'Diners 3852 000002 3237 works.', 'card', '3852 000002 3237'],
    ['Mastercard 2-series', 'New card 2221 0000 0000 0009 saved.', 'card', '2221 0000 0000 0009'],
    ['IBAN grouped', 'Pay to GB82 WEST 1234 5698 7654 32 please.', 'iban', 'GB82 WEST 1234 5698 7654 32'],
    ['IBAN compact', 'IBAN NL91ABNA0417164300.', 'iban', 'NL91ABNA0417164300'],
    ['IBAN lower case', 'use de89 3704 0044 0532 0130 00 for it', 'iban', 'de89 3704 0044 0532 0130 00'],
    ['IBAN grouped by bank code', 'Konto DE89 37040044 0532013000 bitte.', 'iban', 'DE89 37040044 0532013000'],
    ['IBAN Belgium', 'Rekening BE68 5390 0754 7034 ontvangen.', 'iban', 'BE68 5390 0754 7034'],
    ['SSN dashed', 'The 1099 shows 666-12-3456 for you.', 'ssn', '666-12-3456'],
    ['SSN spaced', 'Your SSN 900 44 1234 is masked now.', 'ssn', '900 44 1234'],
    ['SSN compact with SSN word', 'The social security number 987654320 was removed.', 'ssn', '987654320'],
    ['SSN named in the sentence before', 'We deleted the SSN from your file. It was 987654320.', 'ssn', '987654320'],
    ['IPv4', 'Login from 198.51.100.7 blocked.', 'ip', '198.51.100.7'],
    ['IPv4 with port', 'Connect to 192.0.2.10:8080 instead.', 'ip', '192.0.2.10'],
    ['IPv6 compressed', 'Seen from 2001:db8::1 twice.', 'ip', '2001:db8::1'],
    ['IPv6 bracketed with port', 'Endpoint [2001:db8:0:0:0:0:0:2]:443 failed.', 'ip', '2001:db8:0:0:0:0:0:2'],
    ['IPv4-mapped IPv6', 'Peer ::ffff:192.0.2.128 dropped.', 'ip', '::ffff:192.0.2.128'],
    ['profanity inflection', 'That was FUCKING slow.', 'profanity', 'FUCKING'],
    ['profanity masked', 'What a f*cking mess.', 'profanity', 'f*cking'],
    ['profanity stars', 'The f***ing update broke it.', 'profanity', 'f***ing'],
    ['profanity double star', 'What the f**k happened?', 'profanity', 'f**k'],
    ['profanity digit mask', 'A total sh1t show.', 'profanity', 'sh1t'],
    ['masked pissed', 'You must be p*ssed off.', 'profanity', 'p*ssed'],
    ['fuckup', 'Sorry for the fuckup.', 'profanity', 'fuckup'],
    ['profanity bang', 'That is sh!t service.', 'profanity', 'sh!t'],
    ['profanity contraction', "The shit's over now.", 'profanity', 'shit'],
    ['profanity compound', 'Total bullsh*t, agreed.', 'profanity', 'bullsh*t'],
    ['German profanity', 'So eine SCHEISSE.', 'profanity', 'SCHEISSE'],
    ['German compound', 'Was für ein Scheißwetter.', 'profanity', 'Scheißwetter'],
    ['Spanish profanity', '¡Joder, qué lento!', 'profanity', 'Joder'],
    ['French profanity', "C'est de la merde.", 'profanity', 'merde'],
    ['plural arseholes', 'Those arseholes again.', 'profanity', 'arseholes'],
  ])('finds %s', (_name, text, type, value) => {
    expect(spans(text)).toEqual([[type, value]]);
  });

  it('replaces spans with placeholders and reports offsets into the original text', () => {
    const text = 'Mail jo@example.net or call +1 415 555 0123.';
    const result = redact(text);
    expect(result.text).toBe('Mail [email removed] or call [phone number removed].');
    expect(result.findings).toEqual([
      { type: 'email', start: 5, end: 19 },
      { type: 'phone', start: 28, end: 43 },
    ]);
  });

  it('includes the original values only when asked', () => {
    expect(redact('ip 192.0.2.1', { includeValues: true }).findings[0]?.value).toBe('192.0.2.1');
    expect(redact('ip 192.0.2.1').findings[0]).not.toHaveProperty('value');
  });
});

describe('redact: allowed company contacts', () => {
  it.each([
    'Write to HELP@ACME.EXAMPLE any time.',
    'billing@acme.example handles invoices.',
    'Call +1 800 555 0199 now.',
    'Call 1-800-555-0199 now.',
    'Call (800) 555-0199 now.',
    'Call 800.555.0199 now.',
    'London: +44 (0)20 7946 0999.',
    'London: 020 7946 0999.',
  ])('keeps %s', (text) => {
    expect(redact(text, COMPANY)).toEqual({ text, findings: [] });
  });

  it('redacts the same addresses when they are not allowed', () => {
    expect(redact('Write to help@acme.example.').findings).toHaveLength(1);
  });
});

describe('redact: look-alikes are left alone', () => {
  it.each([
    ['order number', 'Order 4012888888881881 has shipped.'],
    ['7 to 12 digit order', 'Your order 730014298 and 55512345678 arrived.'],
    ['UPS tracking', 'Tracking 1Z999AA10123456784 is in transit.'],
    ['USPS tracking', 'USPS 9400 1000 0000 0000 0000 00 was scanned.'],
    ['FedEx tracking', 'FedEx 7489 1234 5678 is out for delivery.'],
    ['ticket number', 'See ticket #48213 and case 0099123.'],
    ['UPS tracking with spaces', 'UPS 1Z 999 AA1 01 2345 6784 is late.'],
    ['too short for its country', 'A number like +1 555 0100 is incomplete.'],
    ['member number in SSN shape', 'Your member number 555-12-3456 is active.'],
    ['meeting id', 'Zoom meeting ID: 912 3456 7890, passcode 123456.'],
    ['IMEI', 'IMEI 490154203237518 is blocked.'],
    ['ISO date and time', 'Due 2026-12-31T23:59:59Z or 2026-12-31 23:59.'],
    ['European and US dates', 'From 31.12.2026 to 12/31/2026 at 9:30.'],
    ['dates followed by times', 'Am 01.12.2026 14:30 oder 05/11/2026 09:15 Uhr, bis 2026-12-01 10:00.'],
    ['ISBN-10', 'ISBN 0-306-40615-2 is in stock.'],
    ['ISBN-13 compact', 'ISBN 9780306406157 is in stock.'],
    ['DOI', 'See doi 10.1000/182 for details.'],
    ['OID', 'The OID 1.3.6.1.4.1.311 is registered.'],
    ['version numbers', 'Update to version 1.2.3.4 or v10.20.30.40 or build 3.10.0.1.'],
    ['section numbers', 'Read section 2.1.4.3 and clause 7.2.2.1.'],
    ['prices', 'It costs $1,299.99 or 1.299,99 € or £12.50.'],
    ['invoice, RMA, PO, quote', 'Invoice INV-2026-1234567, RMA-889123, PO 4500123456, quote Q-77-1234.'],
    ['postal codes', 'Ship to SW1A 1AA, K1A 0B6, 90210-1234 and 75008.'],
    ['masked cards', 'Card **** **** **** 4242, ending in 1881, xxxx-xxxx-xxxx-1117.'],
    ['last-four SSN', 'SSN ending 6789 or xxx-xx-6789 is on file.'],
    ['Luhn-failing 16 digits', 'Voucher 4111 1111 1111 1112 is valid.'],
    ['Luhn-valid device id', 'Device ID 4012888888881881 was reset.'],
    ['Luhn-valid job reference', 'Job reference 5454545454545454 finished.'],
    ['BIC', 'BIC DEUTDEFF500 and BNPAFRPP are fine.'],
    ['EIN', 'Our EIN is 12-3456789.'],
    ['part number in SSN shape', 'Replace part 123-45-6789 with the new one.'],
    ['confirmation code in SSN shape', 'Your confirmation code: 921-33-4410.'],
    ['nine digits without SSN context', 'Reference 987654320 is closed.'],
    ['UUID and hash', 'Id 3f2b8c1e-9a4d-4c6b-8e21-5d7f9a0b1c2d, sha 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08.'],
    ['hostnames and URLs', 'Visit https://status.example.com/incidents/4012888888881881 or api.example.com.'],
    ['@handles', 'Follow @jane_doe and @acme.support for news.'],
    ['times are not IPv6', 'Between 14:30:00 and 15:45:30, MAC 00:1A:2B:3C:4D:5E.'],
    ['ten-digit order starting 1800', 'Order 1800160401 shipped.'],
    ['PIN and short numbers', 'The PIN is 7719 2204; 250 seats, 48 left.'],
    ['profanity substrings', 'Scunthorpe, assessment, class, passage, cocktail, Dickens, therapist, shiitake, crapshoot, Hancock.'],
  ])('ignores %s', (_name, text) => {
    expect(spans(text)).toEqual([]);
  });
});

describe('checksums', () => {
  it('Luhn accepts known test numbers and rejects a changed digit', () => {
    expect(passesLuhn('4111111111111111')).toBe(true);
    expect(passesLuhn('4111111111111112')).toBe(false);
    expect(passesLuhn('')).toBe(false);
  });

  it('IBAN mod-97 accepts a valid IBAN in any case and rejects a changed digit', () => {
    expect(passesIbanMod97('GB82WEST12345698765432')).toBe(true);
    expect(passesIbanMod97('gb82west12345698765432')).toBe(true);
    expect(passesIbanMod97('GB82WEST12345698765433')).toBe(false);
  });
});

describe('redact: placeholders, priority and allowed contacts', () => {
  it('replaces each type with its own placeholder and keeps every value when asked', () => {
    const text = 'a@b.example 4012888888881881 GB82WEST12345698765432 SSN 123-45-6789 ip 10.1.2.3 call +44 20 7946 0123 shit';
    const result = redact(text, { includeValues: true });
    expect(result.text).toBe('[email removed] [card number removed] [IBAN removed] SSN [SSN removed] ip [IP address removed] call [phone number removed] [expletive removed]');
    expect(result.findings.map((f) => [f.type, f.value])).toEqual([
      ['email', 'a@b.example'],
      ['card', '4012888888881881'],
      ['iban', 'GB82WEST12345698765432'],
      ['ssn', '123-45-6789'],
      ['ip', '10.1.2.3'],
      ['phone', '+44 20 7946 0123'],
      ['profanity', 'shit'],
    ]);
  });

  it('prefers the longer span of one detector: "+1 (646) 555-0134" is one phone, not its tail', () => {
    expect(redact('Call +1 (646) 555-0134 now')).toEqual({ text: 'Call [phone number removed] now', findings: [{ type: 'phone', start: 5, end: 22 }] });
  });

  it('lets an allowed contact claim its characters, so no later detector finds a number inside it', () => {
    expect(redact('Call 4155550123@acme.example now', { allowedEmails: ['4155550123@acme.example'] })).toEqual({ text: 'Call 4155550123@acme.example now', findings: [] });
    expect(redact('Call 4155550123@acme.example now').findings).toEqual([{ type: 'email', start: 5, end: 28 }]);
  });

  it('keeps only the allowed phone number and redacts its neighbour', () => {
    expect(redact('Call +44 20 7946 0999 or +44 20 7946 0998', { allowedPhones: ['+44 20 7946 0999'] })).toEqual({
      text: 'Call +44 20 7946 0999 or [phone number removed]',
      findings: [{ type: 'phone', start: 25, end: 41 }],
    });
  });

  it('exempts an allowed email only as an email, and an allowed phone only as a phone', () => {
    expect(redact('Card 4012 8888 8888 1881', { allowedPhones: ['+1 4012 8888 8888 1881'] }).findings).toEqual([{ type: 'card', start: 5, end: 24 }]);
    expect(redact('Call +44 20 7946 0123', { allowedEmails: ['+44 20 7946 0123'] }).findings).toEqual([{ type: 'phone', start: 5, end: 21 }]);
  });

  it('returns the text unchanged, with no findings, when there is nothing to redact', () => {
    expect(redact('')).toEqual({ text: '', findings: [] });
    expect(redact('Thanks, all sorted.')).toEqual({ text: 'Thanks, all sorted.', findings: [] });
  });
});
