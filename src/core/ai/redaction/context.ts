/**
 * Helpers that look at the words around a candidate: the label right before a number ("Device ID",
 * "part") decides more than the digits do. Also the ranges (URLs, UUIDs, hashes, DOIs, ISBNs) inside
 * which numbers are never personal data.
 */

export interface Range {
  start: number;
  end: number;
}

/** Lower-cased words (letters only, any script) in the `chars` characters before `start`. */
export function wordsBefore(text: string, start: number, count: number, chars = 40): string[] {
  const window = text.slice(Math.max(0, start - chars), start);
  // Stop at a sentence or clause break, or at another number: a label never reaches across them
  // ("order 58213097 went to 4111…" does not make the card an order number).
  const clause = window.split(/[.;!?\n]\s|[;\n]|\d/).pop() ?? '';
  const words = clause.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  return words.slice(-count);
}

/** The sentence around [start, end), lower-cased. Sentences end at . ! ? followed by a space, or a newline. */
export function sentenceAround(text: string, start: number, end: number): string {
  let from = start;
  while (from > 0 && !(/[.!?\n]/.test(text[from - 1]!) && (from === start || /\s/.test(text[from]!)))) from--;
  let to = end;
  while (to < text.length && !(/[.!?\n]/.test(text[to]!) && (to + 1 >= text.length || /\s/.test(text[to + 1]!)))) to++;
  return text.slice(from, to).toLowerCase();
}

/** The text within `radius` characters around [start, end), lower-cased. */
export function textAround(text: string, start: number, end: number, radius: number): string {
  return text.slice(Math.max(0, start - radius), Math.min(text.length, end + radius)).toLowerCase();
}

/** Does any of the words appear (as a whole word) in the sentence? */
export function hasWord(sentence: string, words: readonly string[]): boolean {
  return words.some((w) => new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(w)}(?![\\p{L}\\p{N}])`, 'u').test(sentence));
}

export function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const PROTECTED_PATTERNS: RegExp[] = [
  // URLs and bare hostnames with a path: numbers inside them are paths, ports or ids.
  /\b(?:https?|ftp):\/\/[^\s<>"')\]]+/gi,
  /\bwww\.[^\s<>"')\]]+/gi,
  // UUIDs and hex hashes (commit ids, checksums).
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi,
  /\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{32,}\b/gi,
  // DOIs and ISBNs.
  /\b10\.\d{4,9}\/[^\s"<>]+/g,
  /\bISBN(?:-1[03])?:?\s*(?:97[89][-\s]?)?[\d][\d\s-]{7,15}[\dXx]\b/g,
  // OIDs: five or more dotted numbers.
  /\b\d+(?:\.\d+){4,}\b/g,
];

/** Ranges where no number-like detector may fire (emails are still found inside URLs). */
export function protectedRanges(text: string): Range[] {
  const ranges: Range[] = [];
  for (const pattern of PROTECTED_PATTERNS) {
    for (const m of text.matchAll(pattern)) ranges.push({ start: m.index, end: m.index + m[0].length });
  }
  return ranges;
}

export function overlapsAny(range: Range, ranges: readonly Range[]): boolean {
  return ranges.some((r) => range.start < r.end && r.start < range.end);
}
