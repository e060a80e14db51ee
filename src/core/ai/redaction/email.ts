import type { DetectorInput, Finding } from './types.js';

// Local part: letters, digits and . _ % + ' -; domain: dot-separated labels ending in a letter TLD.
// The look-behind keeps `mailto:`, `<` and handles (`@name`, no local part) out of the span.
const EMAIL = /(?<![\p{L}\p{N}._%+'-])[\p{L}\p{N}._%+'-]+@(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+\p{L}{2,}(?![\p{L}\p{N}-]|\.[\p{L}\p{N}])/gu;

/** Email addresses. Allow-listing (the company's published addresses) happens in redact(). */
export function findEmails({ text }: DetectorInput): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(EMAIL)) {
    let start = m.index;
    let local = m[0].slice(0, m[0].indexOf('@'));
    // A quote or dot before the address belongs to the sentence, not to the address.
    while (/^['.-]/.test(local)) {
      local = local.slice(1);
      start++;
    }
    if (!local) continue;
    found.push({ type: 'email', start, end: m.index + m[0].length });
  }
  return found;
}

export function normaliseEmail(value: string): string {
  return value.trim().toLowerCase();
}
