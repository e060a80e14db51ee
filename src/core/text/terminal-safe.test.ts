import { describe, expect, it } from 'vitest';
import { cellWidth, isTerminalSafe, padCells, safeLine, safeText, truncateCells } from './terminal-safe.js';

const ESC = '\u001b';

describe('safeText', () => {
  it.each([
    ['clear screen (CSI)', `a${ESC}[2Jb`, 'a^[[2Jb'],
    ['window title (OSC 0, BEL)', `${ESC}]0;pwned\u0007x`, '^[]0;pwned^Gx'],
    ['clipboard write (OSC 52, ST)', `${ESC}]52;c;aGk=${ESC}\\`, '^[]52;c;aGk=^[\\'],
    ['hyperlink (OSC 8)', `${ESC}]8;;http://evil${ESC}\\click${ESC}]8;;${ESC}\\`, '^[]8;;http://evil^[\\click^[]8;;^[\\'],
    ['DCS', `${ESC}Pq#0${ESC}\\`, '^[Pq#0^[\\'],
    ['carriage return overwriting a line', 'refund approved\rrefund denied', 'refund approved^Mrefund denied'],
    ['backspace and DEL', 'ab\bc\u007f', 'ab^Hc^?'],
    ['NUL', 'a\u0000b', 'a^@b'],
    ['C1 CSI and OSC', 'x\u009b2Jy\u009d0;t\u009c', 'x\\u{9b}2Jy\\u{9d}0;t\\u{9c}'],
    ['bidi override (Trojan Source)', 'abc\u202edcba\u202c', 'abc\\u{202e}dcba\\u{202c}'],
    ['bidi isolates', '\u2066x\u2069\u2067\u2068', '\\u{2066}x\\u{2069}\\u{2067}\\u{2068}'],
    ['zero-width disguises', 'pay\u200bpal\ufeff\u2060', 'pay\\u{200b}pal\\u{feff}\\u{2060}'],
    ['stray zero-width joiner', 'a\u200db', 'a\\u{200d}b'],
  ])('shows %s visibly', (_name, input, expected) => {
    expect(safeText(input)).toBe(expected);
    expect(isTerminalSafe(safeText(input))).toBe(true);
  });

  it('keeps plain text, CJK, emoji and emoji ZWJ sequences unchanged', () => {
    for (const text of ['Hello, world', '退款申请', 'café 👍', '👩‍💻 dev', 'Ünïcödé — “quotes”']) expect(safeText(text)).toBe(text);
  });

  it('keeps newlines and tabs only when asked, and turns CRLF into LF', () => {
    expect(safeText('a\nb\tc')).toBe('a^Jb^Ic');
    expect(safeText('a\r\nb\tc\rd', { keepNewlines: true, keepTabs: true })).toBe('a\nb\tc^Md');
  });

  it('flags raw controls as unsafe', () => {
    expect(isTerminalSafe(`${ESC}[31m`)).toBe(false);
    expect(isTerminalSafe('\u009b')).toBe(false);
    expect(isTerminalSafe('\u202e')).toBe(false);
    expect(isTerminalSafe('fine\nlines\ttabs')).toBe(true);
  });
});

describe('safeLine', () => {
  it('collapses whitespace to one line and escapes the rest', () => {
    expect(safeLine('  two\r\nlines\tand\u001b[Kmore ')).toBe('two lines and^[[Kmore');
  });
});

describe('cell width', () => {
  it('counts CJK and emoji as two cells and marks as zero', () => {
    expect(cellWidth('abc')).toBe(3);
    expect(cellWidth('退款')).toBe(4);
    expect(cellWidth('👍')).toBe(2);
    expect(cellWidth('e\u0301')).toBe(1);
  });

  it('truncates by cells, never splitting a wide character or a grapheme', () => {
    expect(truncateCells('退款申请', 5)).toBe('退款…');
    expect(cellWidth(truncateCells('退款申请', 5))).toBeLessThanOrEqual(5);
    expect(truncateCells('short', 10)).toBe('short');
    expect(truncateCells('👩‍💻👩‍💻👩‍💻', 4)).toBe('👩‍💻…');
    expect(truncateCells('abc', 0)).toBe('');
  });

  it('pads to an exact width', () => {
    expect(padCells('退款', 6)).toBe('退款  ');
    expect(padCells('7', 3, 'right')).toBe('  7');
    expect(cellWidth(padCells('退款申请退款申请', 7))).toBe(7);
  });
});
