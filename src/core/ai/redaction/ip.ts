import { overlapsAny, wordsBefore } from './context.js';
import type { DetectorInput, Finding } from './types.js';

const OCTET = '(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`(?<![\\p{L}\\p{N}_.-])${OCTET}(?:\\.${OCTET}){3}(?![\\p{L}\\p{N}_]|\\.\\d)`, 'gu');
// Hex groups joined by colons, with an optional trailing dotted IPv4; validated by isIpv6 below.
const IPV6 = /(?<![\p{L}\p{N}_:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{1,4})?(?![\p{L}\p{N}_]|:[0-9A-Fa-f]|\.\d)/gu;

/** Words that make a dotted quad a version or a section number ("firmware 4.2.10.7", "Section 4.3.2.1"). */
const NOT_IP_LABELS = [
  'v', 'version', 'versions', 'firmware', 'build', 'release', 'update', 'patch', 'driver', 'app', 'software',
  'section', 'sections', 'chapter', 'clause', 'article', 'paragraph', 'step', 'item', 'rule', 'figure', 'table',
  'abschnitt', 'kapitel', 'artikel', 'absatz', 'ziffer', 'sección', 'seccion', 'capítulo', 'apartado', 'artículo',
  'chapitre', 'paragraphe', 'versión', 'oid',
];

function isIpv6(candidate: string): boolean {
  let body = candidate;
  const v4 = /(?:^|:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(body);
  if (v4) {
    if (!v4[1]!.split('.').every((o) => Number(o) <= 255)) return false;
    body = `${body.slice(0, body.length - v4[1]!.length)}0:0`;
  }
  const halves = body.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.length === 0 || groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  // Without "::" an address has exactly eight groups, which also keeps times ("14:30:00") out.
  return halves.length === 2 ? groups.length <= 7 : groups.length === 8;
}

/** IPv4 and IPv6 addresses; a `:port` suffix is not part of the span. */
export function findIps({ text, protectedRanges }: DetectorInput): Finding[] {
  const found: Finding[] = [];
  for (const m of text.matchAll(IPV4)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (overlapsAny(span, protectedRanges)) continue;
    if (wordsBefore(text, span.start, 2).some((w) => NOT_IP_LABELS.includes(w))) continue;
    found.push({ type: 'ip', ...span });
  }
  for (const m of text.matchAll(IPV6)) {
    const span = { start: m.index, end: m.index + m[0].length };
    if (!m[0].includes(':') || overlapsAny(span, protectedRanges) || !isIpv6(m[0])) continue;
    found.push({ type: 'ip', ...span });
  }
  return found;
}
