import { describe, expect, it } from 'vitest';
import { findEmails, normaliseEmail } from './email.js';

const emails = (text: string) => findEmails({ text, protectedRanges: [] }).map((f) => text.slice(f.start, f.end));

describe('findEmails', () => {
  it.each([
    ['in quotes', "'jo@x.example'", ['jo@x.example']],
    ['after a dot', '.jo@x.example', ['jo@x.example']],
    ['after a dash and a dot', '-.jo@x.example', ['jo@x.example']],
    ['at the end of a sentence', 'Write jo@x.example.', ['jo@x.example']],
    ['no local part', "'@x.example", []],
    ['a handle', '@jane_doe', []],
    ['a one-letter top-level domain', 'a@b.c', []],
    ['followed by a dash', 'jo@x.example-', []],
    ['followed by a dot and a digit', 'jo@x.example.5', []],
    ['unicode', 'josé@correo.example', ['josé@correo.example']],
  ])('%s', (_name, text, expected) => {
    expect(emails(text)).toEqual(expected);
  });

  it('reports the offsets without the leading quote', () => {
    expect(findEmails({ text: "Mail 'jo@x.example'", protectedRanges: [] })).toEqual([{ type: 'email', start: 6, end: 18 }]);
  });

  it('normalises by trimming and lower-casing', () => {
    expect(normaliseEmail('  Jo@X.Example ')).toBe('jo@x.example');
  });
});
