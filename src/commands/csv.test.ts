import { describe, expect, it } from 'vitest';
import { csvField, renderCsv } from './csv.js';

describe('CSV output (RFC 4180)', () => {
  it('given plain values, when written, then fields are bare and lines end in CRLF', () => {
    expect(renderCsv([{ n: 1, s: 'open' }], [{ header: 'ticket', value: (r) => r.n }, { header: 'status', value: (r) => r.s }])).toBe('ticket,status\r\n1,open\r\n');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['cr\rhere', '"cr\rhere"'],
    [null, ''],
    [undefined, ''],
    [false, 'false'],
  ])('given %j, when written as a field, then it is %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });
});
