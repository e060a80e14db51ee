import { IBAN_LENGTHS, passesIbanMod97 } from './checksums.js';
import type { DetectorInput, Finding } from './types.js';

const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}/gu;

/**
 * IBANs: a known country code, exactly that country's length, valid mod-97. Grouped (single spaces),
 * compact and lower-case forms. The span ends at the last character of the IBAN, never inside a group.
 */
export function findIbans({ text }: DetectorInput): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(IBAN_START)) {
    const country = m[0].slice(0, 2);
    // Mixed-case starts ("De12") are words followed by numbers, not IBANs.
    if (country !== country.toUpperCase() && country !== country.toLowerCase()) continue;
    const length = IBAN_LENGTHS[country.toUpperCase()];
    if (!length) continue;
    let compact = '';
    let i = m.index;
    while (i < text.length && compact.length < length) {
      const ch = text[i]!;
      if (/[A-Za-z0-9]/.test(ch)) {
        compact += ch;
        i++;
      } else if ((ch === ' ' || ch === '-') && /[A-Za-z0-9]/.test(text[i + 1] ?? '') && compact.length >= 4) {
        i++; // single separators between groups (usually of four, sometimes bank code / account)
      } else break;
    }
    if (compact.length !== length || /[\p{L}\p{N}]/u.test(text[i] ?? '')) continue;
    if (!passesIbanMod97(compact)) continue;
    found.push({ type: 'iban', start: m.index, end: i });
  }
  return found;
}
