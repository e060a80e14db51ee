import { describe, expect, it } from 'vitest';
import { csvField, csvLines, renderCsv } from './csv.js';

describe('CSV output (RFC 4180)', () => {
  it('given plain values, when written, then fields are bare and lines end in CRLF', () => {
    expect(renderCsv([{ n: 1, s: 'open' }], [{ header: 'ticket', value: (r) => r.n }, { header: 'status', value: (r) => r.s }])).toBe('ticket,status\r\n1,open\r\n');
  });

  it.each([
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['two\r\nlines', '"two\nlines"'],
    [null, ''],
    [undefined, ''],
    [false, 'false'],
    [-5, '-5'],
    [0.25, '0.25'],
  ])('given %j, when written as a field, then it is %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('given rows of fields, when written, then each field is quoted as needed and every line ends in CRLF', () => {
    expect(csvLines([['group', 'tickets'], ['Billing, "EU"', 3], [null, 0]])).toBe('group,tickets\r\n"Billing, ""EU""",3\r\n,0\r\n');
  });
});

describe('CSV output: customer-written text is made safe for spreadsheets and terminals', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","Click")', `"'=HYPERLINK(""https://evil.example"",""Click"")"`],
    ['=1+2', "'=1+2"],
    ['+1-1', "'+1-1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+2', "'\t=1+2"],
    ['＝1+2', "'＝1+2"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
  ])('given the text %j, when written, then a spreadsheet reads it as text: %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['-5', '-5'],
    ['+1.5', '+1.5'],
    ['-.5e3', '-.5e3'],
    ['a=b', 'a=b'],
    ['user@example.com', 'user@example.com'],
    ['#1042', '#1042'],
  ])('given the text %j, which no spreadsheet evaluates, when written, then it is unchanged: %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it.each([
    ['Cannot \u001b[31mlog in', 'Cannot ^[[31mlog in'],
    ['bell\u0007', 'bell^G'],
    ['lone\rreturn', 'lone^Mreturn'],
    ['abc\u202edcba', 'abc\\u{202e}dcba'],
    ['csi\u009b2J', 'csi\\u{9b}2J'],
  ])('given text with control characters %j, when written, then they are visible, not sent to the terminal: %j', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('given a formula hidden behind a control character, when written, then it is shown and not evaluated', () => {
    expect(csvField('\u0007=1+2')).toBe('^G=1+2');
  });
});
