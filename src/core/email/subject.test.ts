import { describe, expect, it } from 'vitest';
import { newOwnMessageId, verifyOwnMessageId } from './message-ids.js';
import { findTicketTokens, outgoingSubject, stripSubjectPrefixes } from './subject.js';
import { stripQuotedText } from './inbound/strip-quotes.js';

describe('subjects', () => {
  it('strips reply and forward prefixes of many locales in a loop, counters too', () => {
    expect(stripSubjectPrefixes('Antw: SV: RV: AW: Re: Fwd: WG: TR: Réf : RIF: Odp: VS: Re[2]: RE(3): Printer')).toBe('Printer');
    expect(stripSubjectPrefixes('Reading list')).toBe('Reading list');
  });
  it('strips the Chinese, Japanese and Korean prefixes of Foxmail, Outlook and the Korean portals', () => {
    expect(stripSubjectPrefixes('回复: 答复：转发: 返信: 転送: 회신: 전달: Rechnung')).toBe('Rechnung');
    expect(stripSubjectPrefixes('Vá: Odp: Přep: Fwd: faktura')).toBe('faktura');
  });
  it('finds ticket tokens and builds outgoing subjects with one token', () => {
    expect(findTicketTokens('Re: [#1042] x [#7] [#1042]')).toEqual([1042, 7]);
    expect(findTicketTokens('#1042 [1042] [# 1042]')).toEqual([]);
    expect(outgoingSubject(1042, 'Re: [#1042] Printer')).toBe('Re: [#1042] Printer');
  });
});

describe('own Message-IDs', () => {
  const key = 'k'.repeat(40);
  it('verify only with the key that signed them', () => {
    const id = newOwnMessageId(key, 1042, 'desk.test');
    expect(verifyOwnMessageId(key, id)).toBe(1042);
    expect(verifyOwnMessageId('x'.repeat(40), id)).toBeNull();
    expect(verifyOwnMessageId(key, id.replace('.1042.', '.1043.'))).toBeNull();
    expect(verifyOwnMessageId(key, 'CAB123@mail.test')).toBeNull();
  });
});

describe('stripQuotedText', () => {
  it('cuts Gmail, Outlook and German reply headers and the signature', () => {
    expect(stripQuotedText('Thanks, works now.\n\nOn Mon, 23 Nov 2026 at 10:00, Desk <support@desk.test> wrote:\n> old text')).toBe('Thanks, works now.');
    expect(stripQuotedText('Danke!\n\nAm 23.11.2026 um 10:00 schrieb Desk <support@desk.test>:\n> alt')).toBe('Danke!');
    expect(stripQuotedText('Fine.\n\nFrom: Desk <support@desk.test>\nSent: Monday\nSubject: x\n\nold')).toBe('Fine.');
    expect(stripQuotedText('Fine.\n-- \nPat Doe\nACME')).toBe('Fine.');
  });
  it('never returns nothing', () => {
    expect(stripQuotedText('> only quoted')).toBe('> only quoted');
  });
});
