import { describe, expect, it } from 'vitest';
import { cellWidth } from '../core/text/terminal-safe.js';
import { renderFields, renderTable, safe } from './output.js';

const rows = [
  { n: 1, subject: '退款申请 refund', who: 'ana' },
  { n: 2, subject: 'plain', who: '👍 bo' },
  { n: 3, subject: 'evil\u001b[2J\u202eslug', who: 'cy' },
];
const columns = [
  { header: 'n', value: (r: (typeof rows)[number]) => r.n },
  { header: 'subject', value: (r: (typeof rows)[number]) => r.subject },
  { header: 'who', value: (r: (typeof rows)[number]) => r.who },
];

describe('renderTable', () => {
  it('aligns columns in terminal cells with CJK, emoji and escaped controls', () => {
    const lines = renderTable(rows, columns).split('\n');
    const whoAt = (line: string) => cellWidth(line.slice(0, line.lastIndexOf('  ') + 2));
    expect(new Set(lines.map(whoAt)).size).toBe(1);
    expect(lines[3]).toContain('evil^[[2J\\u{202e}slug');
  });

  it('cuts cells to fit the width without breaking wide characters', () => {
    const lines = renderTable(rows, columns, 20).split('\n');
    for (const line of lines) expect(cellWidth(line)).toBeLessThanOrEqual(22);
    expect(lines[1]).toContain('…');
  });
});

describe('renderFields and safe', () => {
  it('escapes stored values, keeping the newlines of multi-line values', () => {
    expect(renderFields([['subject', 'a\u009b2Jb'], ['body', 'one\r\ntwo']])).toBe('subject: a\\u{9b}2Jb\nbody:    one\ntwo');
    expect(safe('x\u001b]52;c;aGk=\u0007')).toBe('x^[]52;c;aGk=^G');
    expect(safe('a\nb', { multiline: true })).toBe('a\nb');
    expect(safe(null)).toBe('-');
  });
});
