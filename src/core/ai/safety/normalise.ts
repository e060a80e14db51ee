/**
 * Text normalisation before classification: what the model would "see", including what a person
 * would not (zero-width characters, Unicode tag characters, HTML comments, base64 blobs).
 */

export interface NormalisedText {
  /** NFKC, invisible characters removed, lower-cased, accents folded ("Zurücksetzen" → "zurucksetzen"). */
  folded: string;
  /** `folded` with leetspeak undone inside words that mix letters and digits ("1gn0r3" → "ignore"). */
  deleeted: string;
  /** NFKC text with invisible characters removed, original case (for secret-shaped tokens). */
  visible: string;
  /** Hidden channels found, for signals: 'zero_width', 'unicode_tags', 'html_comment', 'base64'. */
  hidden: string[];
  /** What those channels carry (comment bodies, decoded base64, smuggled tag text), folded. */
  hiddenText: string;
}

// Zero-width and bidi control characters, soft hyphen, word joiners. ZWJ (U+200D) is handled apart:
// emoji sequences use it legitimately.
const INVISIBLE = /[\u00AD\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/g;
const ZWJ_IN_WORD = /(?<=[\p{L}\p{N}])\u200D(?=[\p{L}\p{N}])/gu;
// Unicode tag characters (U+E0020–U+E007E) mirror ASCII and render as nothing: "ASCII smuggling".
const TAG_CHARS = /[\u{E0020}-\u{E007E}]+/gu;
const HTML_COMMENT = /<!--([\s\S]*?)(?:-->|$)/g;
const BASE64_CHUNK = /(?<![A-Za-z0-9+/=])[A-Za-z0-9+/]{16,}={0,2}(?![A-Za-z0-9+/=])/g;

const LEET: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's', '!': 'i' };

/** Decodes a base64 chunk when the result is readable text (mostly letters and spaces). */
export function decodeBase64Text(chunk: string): string | undefined {
  if (!/[A-Z]/.test(chunk) || !/[a-z]/.test(chunk)) return undefined; // plain words or numbers, not base64
  let decoded: string;
  try {
    decoded = Buffer.from(chunk, 'base64').toString('utf8');
  } catch {
    return undefined;
  }
  const printable = decoded.replace(/[^\p{L}\p{N}\p{P}\p{Zs}\n]/gu, '');
  const letters = decoded.replace(/[^\p{L}]/gu, '');
  if (decoded.length < 8 || printable.length / decoded.length < 0.95 || letters.length / decoded.length < 0.5 || !/\s/.test(decoded)) return undefined;
  return decoded;
}

function fold(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss').replace(/œ/g, 'oe').replace(/æ/g, 'ae').replace(/ø/g, 'o').replace(/[’‘`´]/g, "'").replace(/[“”„«»]/g, '"');
}

function undoLeet(text: string): string {
  return text.replace(/[\p{L}\p{N}@$!]+/gu, (word) => (/\p{L}/u.test(word) && /[0-9@$]/.test(word) ? word.replace(/[0-9@$!]/g, (c) => LEET[c] ?? c) : word));
}

export function normaliseInbound(raw: string): NormalisedText {
  const hidden = new Set<string>();
  let text = raw.normalize('NFKC');
  const smuggled: string[] = [];
  text = text.replace(TAG_CHARS, (tags) => {
    hidden.add('unicode_tags');
    smuggled.push(String.fromCodePoint(...[...tags].map((c) => c.codePointAt(0)! - 0xe0000)));
    return '';
  });
  const invisible = (text.match(INVISIBLE)?.length ?? 0) + (text.match(ZWJ_IN_WORD)?.length ?? 0);
  if (invisible > 0) hidden.add('zero_width');
  text = text.replace(INVISIBLE, '').replace(ZWJ_IN_WORD, '');
  const extra: string[] = [...smuggled];
  for (const m of text.matchAll(HTML_COMMENT)) {
    hidden.add('html_comment');
    extra.push(m[1] ?? '');
  }
  for (const m of text.matchAll(BASE64_CHUNK)) {
    const decoded = decodeBase64Text(m[0]);
    if (decoded) {
      hidden.add('base64');
      extra.push(decoded.normalize('NFKC'));
    }
  }
  const visible = [text, ...extra].join('\n');
  const folded = fold(visible);
  return { folded, deleeted: undoLeet(folded), visible, hidden: [...hidden], hiddenText: fold(extra.join('\n')) };
}
