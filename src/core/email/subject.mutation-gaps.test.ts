import { describe, expect, it } from 'vitest';
import { looksLikeOwnMessageId, newOwnMessageId, verifyOwnMessageId } from './message-ids.js';
import { findTicketTokens, outgoingSubject, stripSubjectPrefixes, ticketSubjectFromMail } from './subject.js';
import { stripQuotedText } from './inbound/strip-quotes.js';

// Issue 15: threading rules that subject.test.ts did not decide — each listed reply/forward prefix,
// the token bounds, the subject fallbacks, our Message-ID format, and each quote header.
describe('threading: the rules the mutation run found undecided', () => {
  it.each(['Re', 'RE', 'AW', 'SV', 'Antw', 'Antwort', 'Réf', 'Ref', 'RIF', 'R', 'RES', 'VS', 'Odp', 'ATB', 'YNT', 'Vá', 'Fwd', 'Fw', 'WG', 'TR', 'RV', 'I', 'ENC', 'VB', 'Doorst', 'VL', 'PD', 'FS', 'ILT', 'BLS'])(
    'strips the prefix "%s:"',
    (prefix) => {
      expect(stripSubjectPrefixes(`${prefix}: Printer jam`)).toBe('Printer jam');
    },
  );

  it('strips a prefix with a space or a full-width colon, and keeps words that only start like one', () => {
    expect(stripSubjectPrefixes('Re : Printer')).toBe('Printer');
    expect(stripSubjectPrefixes('Re：Printer')).toBe('Printer');
    expect(stripSubjectPrefixes('  Printer  ')).toBe('Printer');
    expect(stripSubjectPrefixes('Resolution: none')).toBe('Resolution: none');
    expect(stripSubjectPrefixes('Invoice: 42')).toBe('Invoice: 42');
    expect(stripSubjectPrefixes('Re Printer')).toBe('Re Printer');
    expect(stripSubjectPrefixes('Printer Re: jam')).toBe('Printer Re: jam');
  });

  it('takes ticket tokens from 1 to 2147483647 only', () => {
    expect(findTicketTokens('[#0] [#1] [#2147483647] [#2147483648] [#12345678901]')).toEqual([1, 2147483647]);
  });

  it('builds outgoing subjects with our token only, a forward without "Re:", and a placeholder for nothing', () => {
    expect(outgoingSubject(7, '[#3] Fwd: Printer')).toBe('Re: [#7] Printer');
    expect(outgoingSubject(7, 'Printer', false)).toBe('[#7] Printer');
    expect(outgoingSubject(7, 'Re: ')).toBe('Re: [#7] (no subject)');
  });

  it('makes a ticket subject from a mail subject: prefixes and token gone, at most 500 characters, never empty', () => {
    expect(ticketSubjectFromMail('AW: [#12] Drucker')).toBe('Drucker');
    expect(ticketSubjectFromMail('Re: [#12] ')).toBe('(no subject)');
    expect(ticketSubjectFromMail(`Re: ${'x'.repeat(600)}`)).toBe('x'.repeat(500));
  });

  it('writes our Message-IDs as nexus.<ticket>.<nonce>.<mac>@<domain>, 0 for mail without a ticket', () => {
    const key = 'k'.repeat(40);
    const id = newOwnMessageId(key, 1042, 'desk.test');
    expect(id).toMatch(/^nexus\.1042\.[0-9a-f]{18}\.[0-9a-f]{20}@desk\.test$/);
    expect(looksLikeOwnMessageId(id)).toBe(true);
    expect(looksLikeOwnMessageId('CAB123@mail.test')).toBe(false);
    expect(verifyOwnMessageId(key, newOwnMessageId(key, null, 'desk.test'))).toBe(0);
    expect(newOwnMessageId(key, 1, 'desk.test')).not.toBe(newOwnMessageId(key, 1, 'desk.test'));
  });

  it('verifies a Message-ID whose letters a relay upper-cased, and refuses one with a cut MAC', () => {
    const key = 'k'.repeat(40);
    const id = newOwnMessageId(key, 1042, 'desk.test');
    expect(verifyOwnMessageId(key, id.toUpperCase())).toBe(1042);
    const [local, domain] = id.split('@') as [string, string];
    expect(verifyOwnMessageId(key, `${local.slice(0, -1)}@${domain}`)).toBeNull();
  });

  it.each([
    ['French', 'Le lun. 23 nov. 2026 à 10:00, Desk <support@desk.test> a écrit :'],
    ['Spanish', 'El lun, 23 nov 2026 a las 10:00, Desk <support@desk.test> escribió:'],
    ['Portuguese', 'Em seg., 23 de nov. de 2026 às 10:00, Desk <support@desk.test> escreveu:'],
    ['Italian', 'Il giorno lun 23 nov 2026 alle ore 10:00 Desk <support@desk.test> ha scritto:'],
    ['Dutch', 'Op ma 23 nov 2026 om 10:00 schreef Desk <support@desk.test>:'],
    ['Swedish', 'Den mån 23 nov. 2026 kl 10:00 skrev Desk <support@desk.test>:'],
    ['Outlook', '-----Original Message-----'],
    ['Outlook (German)', '-----Ursprüngliche Nachricht-----'],
    ['a forward', '---------- Forwarded message ---------'],
    ['an underscore rule', '________________________________'],
  ])('cuts the quoted history under a %s reply header', (_name, header) => {
    expect(stripQuotedText(`Thanks, it works.\n\n${header}\n> old text`)).toBe('Thanks, it works.');
  });

  it('cuts a Gmail header wrapped over two lines, a bare "--" and trailing quoted lines, but keeps quotes followed by an answer', () => {
    expect(stripQuotedText('Thanks.\n\nOn Mon, 23 Nov 2026 at 10:00, Desk Support Team\n<support@desk.test> wrote:\n> old')).toBe('Thanks.');
    expect(stripQuotedText('Thanks.\n--\nPat')).toBe('Thanks.');
    expect(stripQuotedText('Thanks.\r\n\r\n> old line\r\n> older line\r\n')).toBe('Thanks.');
    expect(stripQuotedText('> Is it on?\nYes, it is.')).toBe('> Is it on?\nYes, it is.');
  });

  it('cuts at a From: line only when a Sent: or Date: line follows it', () => {
    expect(stripQuotedText('Fine.\n\nVon: Desk <support@desk.test>\nGesendet: Montag\n\nalt')).toBe('Fine.');
    const text = 'Nobody answered.\nFrom: the billing team, nothing either.\nPlease call.';
    expect(stripQuotedText(text)).toBe(text);
  });
});
