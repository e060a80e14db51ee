import { describe, expect, it } from 'vitest';
import { escapeRegExp, hasWord, overlapsAny, protectedRanges, sentenceAround, textAround, wordsBefore } from './context.js';

/** The protected pieces of `text`, as written. */
const protectedIn = (text: string) => protectedRanges(text).map((r) => text.slice(r.start, r.end));

describe('protectedRanges: each kind is pinned', () => {
  it.each([
    ['https URL', 'Open https://status.example.com/incidents/4012 now.', ['https://status.example.com/incidents/4012']],
    ['http URL in brackets', 'Open (http://a.example/x?id=12) now.', ['http://a.example/x?id=12']],
    ['ftp URL', 'Get ftp://files.example/pub/123 now.', ['ftp://files.example/pub/123']],
    ['URL in quotes', 'href="https://a.example/1" ok', ['https://a.example/1']],
    ['URL before angle bracket', '<https://a.example/1>', ['https://a.example/1']],
    ['URL before square bracket', '[https://a.example/1]', ['https://a.example/1']],
    ['URL before apostrophe', "'https://a.example/1'", ['https://a.example/1']],
    ['www host', 'Visit www.example.com/p/555 today.', ['www.example.com/p/555']],
    ['UUID', 'Id 3f2b8c1e-9a4d-4c6b-8e21-5d7f9a0b1c2d here.', ['3f2b8c1e-9a4d-4c6b-8e21-5d7f9a0b1c2d']],
    ['UUID upper case', 'Id 3F2B8C1E-9A4D-4C6B-8E21-5D7F9A0B1C2D here.', ['3F2B8C1E-9A4D-4C6B-8E21-5D7F9A0B1C2D']],
    ['hash (32 hex)', 'md5 9e107d9d372bb6826bd81d3542a419d6 ok', ['9e107d9d372bb6826bd81d3542a419d6']],
    ['hash upper case', 'md5 9E107D9D372BB6826BD81D3542A419D6 ok', ['9E107D9D372BB6826BD81D3542A419D6']],
    ['DOI', 'See doi 10.1000/182 for details.', ['10.1000/182']],
    ['DOI with a long prefix', 'See 10.123456789/abc.def now.', ['10.123456789/abc.def']],
    ['ISBN-10', 'ISBN 0-306-40615-2 is in stock.', ['ISBN 0-306-40615-2']],
    ['ISBN-13 compact', 'ISBN 9780306406157 is in stock.', ['ISBN 9780306406157']],
    ['ISBN-13 labelled', 'ISBN-13: 978-0-306-40615-7 ok', ['ISBN-13: 978-0-306-40615-7']],
    ['ISBN-10 labelled, X check digit', 'ISBN-10: 0-8044-2957-X ok', ['ISBN-10: 0-8044-2957-X']],
    ['OID', 'The OID 1.3.6.1.4.1.311 is registered.', ['1.3.6.1.4.1.311']],
  ])('%s', (_name, text, expected) => {
    expect(protectedIn(text)).toEqual(expected);
  });

  it.each([
    ['31 hex digits are not a hash', 'id 9e107d9d372bb6826bd81d3542a419d ok'],
    ['32 digits without a letter are not a hash', 'id 12345678901234567890123456789012 ok'],
    ['32 letters without a digit are not a hash', 'id abcdefabcdefabcdefabcdefabcdefab ok'],
    ['four dotted numbers are not an OID', 'version 1.2.3.4 ok'],
    ['a DOI needs four digits after 10.', 'see 10.123/abc ok'],
    ['a bare host without www', 'visit example.com/555 ok'],
    ['ISBN needs its word', 'number 9780306406157 ok'],
  ])('%s', (_name, text) => {
    expect(protectedIn(text)).toEqual([]);
  });

  it('finds every range, in pattern order, with offsets', () => {
    const text = 'www.a.example/1 and https://b.example/2';
    expect(protectedRanges(text)).toEqual([
      { start: 20, end: 39 },
      { start: 0, end: 15 },
    ]);
    expect(protectedRanges('no ranges here')).toEqual([]);
  });
});

describe('overlapsAny', () => {
  const ranges = [{ start: 10, end: 20 }];
  it.each([
    [{ start: 0, end: 10 }, false], // touching before
    [{ start: 20, end: 30 }, false], // touching after
    [{ start: 0, end: 11 }, true],
    [{ start: 19, end: 30 }, true],
    [{ start: 12, end: 15 }, true],
    [{ start: 5, end: 25 }, true],
  ])('%j → %s', (range, expected) => {
    expect(overlapsAny(range, ranges)).toBe(expected);
  });
  it('is false against no ranges', () => {
    expect(overlapsAny({ start: 0, end: 5 }, [])).toBe(false);
  });
});

describe('wordsBefore', () => {
  it('returns the last words, lower-cased, in any script', () => {
    const text = 'Please send the Device ID 123';
    expect(wordsBefore(text, text.indexOf('123'), 2)).toEqual(['device', 'id']);
    expect(wordsBefore(text, text.indexOf('123'), 10)).toEqual(['please', 'send', 'the', 'device', 'id']);
    expect(wordsBefore('Référence 42', 10, 1)).toEqual(['référence']);
  });

  it('stops at a clause break or another number', () => {
    expect(wordsBefore('Your order. Card 5', 17, 4)).toEqual(['card']);
    expect(wordsBefore('Your order; card 5', 17, 4)).toEqual(['card']);
    expect(wordsBefore('Your order;card 5', 16, 4)).toEqual(['card']);
    expect(wordsBefore('Your order!\ncard 5', 17, 4)).toEqual(['card']);
    expect(wordsBefore('order 123 went to 5', 18, 4)).toEqual(['went', 'to']);
    expect(wordsBefore('order v2.1 card 5', 16, 4)).toEqual(['card']);
  });

  it('looks back only `chars` characters (40 by default), from the start of the text at most', () => {
    const text = `order ${'y'.repeat(38)} 5`;
    expect(wordsBefore(text, text.length - 1, 4)).toEqual(['y'.repeat(38)]);
    expect(wordsBefore(text, text.length - 1, 4, 41)).toEqual(['r', 'y'.repeat(38)]);
    expect(wordsBefore(text, text.length - 1, 4, 80)).toEqual(['order', 'y'.repeat(38)]);
    expect(wordsBefore('order 5', 6, 4, 3)).toEqual(['er']);
    expect(wordsBefore('12 5', 3, 4)).toEqual([]);
  });
});

describe('sentenceAround', () => {
  it('returns the lower-cased sentence around the span', () => {
    const text = 'First one. The SSN is 123. Last one!';
    const at = text.indexOf('123');
    expect(sentenceAround(text, at, at + 3)).toBe(' the ssn is 123');
  });

  it('does not break at a dot inside a word or number', () => {
    const text = 'See v1.2 and e.g.x for 123 now';
    const at = text.indexOf('123');
    expect(sentenceAround(text, at, at + 3)).toBe(text.toLowerCase());
    expect(sentenceAround('The 123 v1.2 now', 4, 7)).toBe('the 123 v1.2 now');
  });

  it('breaks at a newline, ! or ? followed by white space', () => {
    expect(sentenceAround('a\n b 1 c\n d', 5, 6)).toBe(' b 1 c');
    expect(sentenceAround('Why? b 1 c! d', 7, 8)).toBe(' b 1 c');
  });

  it('starts the sentence at the span when a dot comes right before it, and ends it at the text end', () => {
    expect(sentenceAround('Hi.123 ok', 3, 6)).toBe('123 ok');
    expect(sentenceAround('Hi. Ok 123.', 7, 10)).toBe(' ok 123');
    expect(sentenceAround('Hi. Ok 123', 7, 10)).toBe(' ok 123');
  });
});

describe('textAround', () => {
  it('returns the lower-cased window, clipped to the text', () => {
    expect(textAround('ABCDEFGHIJ', 4, 6, 2)).toBe('cdefgh');
    expect(textAround('ABCDEFGHIJ', 1, 9, 5)).toBe('abcdefghij');
  });
});

describe('hasWord', () => {
  it.each([
    ['the ssn is', ['ssn'], true],
    ['the ssns are', ['ssn'], false],
    ['xssn', ['ssn'], false],
    ['ssn1', ['ssn'], false],
    ['1ssn', ['ssn'], false],
    ['see e.g the list', ['e.g'], true],
    ['see eXg the list', ['e.g'], false],
    ['a social security number', ['tin', 'social security'], true],
    ['nothing', [], false],
  ] as const)('%s has %j → %s', (sentence, words, expected) => {
    expect(hasWord(sentence, words)).toBe(expected);
  });

  it('escapes every regular-expression character', () => {
    expect(escapeRegExp('.*+?^${}()|[]\\')).toBe('\\.\\*\\+\\?\\^\\$\\{\\}\\(\\)\\|\\[\\]\\\\');
    expect(escapeRegExp('plain')).toBe('plain');
  });
});
