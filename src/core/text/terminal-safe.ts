import { createRequire } from 'node:module';

/**
 * Terminal-safe text: the one sanitizer every human-format output (CLI tables, fields, thread bodies,
 * the TUI) passes stored text through. Customer-written text can carry escape sequences that clear the
 * screen, set the window title, write the clipboard (OSC 52), plant hyperlinks (OSC 8), move the
 * cursor to forge lines, or reorder what is shown (bidi overrides, "Trojan Source"). Nothing here is
 * dropped silently: every control is made visible, so an agent sees that something odd was sent.
 *
 * - C0 controls and DEL in caret notation: ESC → `^[`, BEL → `^G`, CR → `^M`, DEL → `^?`. Because
 *   the introducer is neutralised, the rest of an ESC/CSI/OSC/DCS sequence is plain printable text.
 * - C1 controls (U+0080–U+009F, e.g. the one-code-point CSI U+009B), bidi controls (U+202A–U+202E,
 *   U+2066–U+2069, U+200E/U+200F, U+061C), zero-width and invisible characters (U+200B, U+200C,
 *   U+2060–U+2064, U+FEFF, U+180E, U+00AD) and line/paragraph separators as `\u{9b}`.
 *   A zero-width joiner inside an emoji sequence (👩‍💻) is kept; anywhere else it is escaped.
 *
 * Pure: no terminal I/O, usable by the CLI, the TUI and tests.
 */

export interface SafeTextOptions {
  /** Keep `\n` (multi-line bodies). `\r\n` becomes `\n`; a lone `\r` is still shown as `^M`. */
  keepNewlines?: boolean;
  /** Keep `\t` (the caller expands or tolerates tabs). */
  keepTabs?: boolean;
}

// eslint-disable-next-line no-control-regex -- matching control characters is this module's job
const C0_OR_DEL = /[\u0000-\u001f\u007f]/;
// Everything that is escaped as \u{…}: C1, bidi, invisible formatting characters, separators.
const ESCAPED_AS_CODE = /[\u0080-\u009f\u00ad\u061c\u180e\u200b\u200c\u200e\u200f\u2028-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/;
// eslint-disable-next-line no-misleading-character-class -- a VS16 or skin tone may sit between the pictograph and the joiner
const ZWJ_OUTSIDE_EMOJI = /(?<!\p{Extended_Pictographic}[\u{fe0f}\u{1f3fb}-\u{1f3ff}]?)\u200d|\u200d(?!\p{Extended_Pictographic})/u;
// eslint-disable-next-line no-misleading-character-class -- built from the sources above
const UNSAFE = new RegExp(`${C0_OR_DEL.source}|${ESCAPED_AS_CODE.source}|${ZWJ_OUTSIDE_EMOJI.source}`, 'gu');

function visible(char: string, options: SafeTextOptions): string {
  const code = char.codePointAt(0)!;
  if (char === '\n' && options.keepNewlines) return char;
  if (char === '\t' && options.keepTabs) return char;
  if (code < 0x20) return `^${String.fromCharCode(code + 0x40)}`;
  if (code === 0x7f) return '^?';
  return `\\u{${code.toString(16)}}`;
}

/** `text` with every control character made visible; see the module comment. */
export function safeText(text: string, options: SafeTextOptions = {}): string {
  const input = options.keepNewlines ? text.replace(/\r\n/g, '\n') : text;
  return input.replace(UNSAFE, (char) => visible(char, options));
}

/** True when `text` holds nothing a terminal would interpret (used by tests and assertions). */
export function isTerminalSafe(text: string): boolean {
  UNSAFE.lastIndex = 0;
  const unsafe = [...text.matchAll(UNSAFE)].some((m) => m[0] !== '\n' && m[0] !== '\t');
  return !unsafe;
}

/** A single line for a table cell or a list row: whitespace runs (newlines, tabs) become one space. */
export function safeLine(text: string): string {
  return safeText(text.replace(/\r\n|[\n\t\v\f ]+/g, ' ').trim());
}

type StringWidth = (text: string) => number;
let stringWidth: StringWidth | undefined;
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/**
 * Width in terminal cells: CJK and emoji count 2, combining marks 0. Expects already-safe text. Printable
 * ASCII is one cell a character; string-width (which builds an Intl.Segmenter and Unicode-property
 * regexes as it loads: some 70 ms of every command's start-up) is loaded on the first other text.
 */
export function cellWidth(text: string): number {
  if (PRINTABLE_ASCII.test(text)) return text.length;
  stringWidth ??= (createRequire(import.meta.url)('string-width') as { default: StringWidth }).default;
  return stringWidth(text);
}

let graphemes: Intl.Segmenter | undefined;

/** Cuts `text` to at most `width` cells, ending in `ellipsis` when something was cut. */
export function truncateCells(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (cellWidth(text) <= width) return text;
  const room = width - cellWidth(ellipsis);
  if (room < 0) return '';
  let out = '';
  let used = 0;
  graphemes ??= new Intl.Segmenter();
  for (const { segment } of graphemes.segment(text)) {
    const w = cellWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}

/** Pads `text` with spaces to exactly `width` cells (cut first when it is wider). */
export function padCells(text: string, width: number, align: 'left' | 'right' = 'left'): string {
  const cut = truncateCells(text, width);
  const gap = ' '.repeat(Math.max(0, width - cellWidth(cut)));
  return align === 'left' ? cut + gap : gap + cut;
}
