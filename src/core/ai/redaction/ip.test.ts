import { describe, expect, it } from 'vitest';
import { protectedRanges } from './context.js';
import { findIps } from './ip.js';

const ips = (text: string) => findIps({ text, protectedRanges: protectedRanges(text) }).map((f) => text.slice(f.start, f.end));

const NOT_IP_LABELS = [
  'v', 'version', 'versions', 'firmware', 'build', 'release', 'update', 'patch', 'driver', 'app', 'software',
  'section', 'sections', 'chapter', 'clause', 'article', 'paragraph', 'step', 'item', 'rule', 'figure', 'table',
  'abschnitt', 'kapitel', 'artikel', 'absatz', 'ziffer', 'sección', 'seccion', 'capítulo', 'apartado', 'artículo',
  'chapitre', 'paragraphe', 'versión', 'oid',
];

describe('findIps: labels', () => {
  it('Given no label, Then a dotted quad is an address (the control)', () => {
    expect(ips('Seen from 10.1.2.3 today.')).toEqual(['10.1.2.3']);
  });

  it.each(NOT_IP_LABELS)('"%s" before a dotted quad makes it a version or section number', (label) => {
    expect(ips(`Seen ${label} 10.1.2.3 today.`)).toEqual([]);
  });

  it('reads two words back', () => {
    expect(ips('Section one 10.1.2.3 today.')).toEqual([]);
    expect(ips('Section one two 10.1.2.3 today.')).toEqual(['10.1.2.3']);
  });
});

describe('findIps: shapes', () => {
  it.each([
    ['octets up to 255', 'from 255.249.199.9 ok', ['255.249.199.9']],
    ['an octet of 256', 'from 256.1.2.3 ok', []],
    ['five parts', 'from 10.1.2.3.4 ok', []],
    ['a port is not part of it', 'from 10.1.2.3:80 ok', ['10.1.2.3']],
    ['glued to a letter', 'from a10.1.2.3 ok', []],
    ['inside a URL', 'see https://10.1.2.3/x ok', []],
    ['IPv6 compressed', 'from 2001:db8::1 ok', ['2001:db8::1']],
    ['IPv6 loopback', 'from ::1 ok', ['::1']],
    ['IPv6 trailing ::', 'from 1:: ok', ['1::']],
    ['IPv6 full', 'from 1:2:3:4:5:6:7:8 ok', ['1:2:3:4:5:6:7:8']],
    ['seven groups without ::', 'from 1:2:3:4:5:6:7 ok', []],
    ['eight groups and ::', 'from 1:2:3:4:5:6::7:8 ok', []],
    ['two ::', 'from 1::2::3 ok', []],
    ['a group of five hex digits', 'from 12345::1 ok', []],
    ['nine groups', 'from 1:2:3:4:5:6:7:8:9 ok', []],
    ['only ::', 'from :: ok', []],
    ['a time', 'at 10:30:15 ok', []],
    // Both; redact() keeps the longer one.
    ['IPv4-mapped', 'from ::ffff:192.0.2.128 ok', ['192.0.2.128', '::ffff:192.0.2.128']],
    ['IPv4-mapped with a bad octet', 'from ::ffff:300.1.2.3 ok', []],
    ['IPv4-mapped with octet 255', 'from ::ffff:192.0.2.255 ok', ['192.0.2.255', '::ffff:192.0.2.255']],
    ['eight groups ending in a colon', 'from 1:2:3:4:5:6:7: ok', []],
    ['seven groups and ::', 'from 1:2:3:4:5::6:7 ok', ['1:2:3:4:5::6:7']],
    // An IPv4 tail counts as two groups: with "::" that leaves room for five before it, not six.
    ['five groups, :: and an IPv4 tail', 'from 1:2:3:4:5::192.0.2.1 ok', ['192.0.2.1', '1:2:3:4:5::192.0.2.1']],
    ['six groups, :: and an IPv4 tail (nine groups)', 'from 1:2:3:4:5:6::192.0.2.1 ok', ['192.0.2.1']],
    ['a zone id is not part of it', 'from fe80::1%eth0 ok', ['fe80::1']],
    ['IPv6 inside a URL', 'see https://[2001:db8::1]/x ok', []],
  ])('%s', (_name, text, expected) => {
    expect(ips(text)).toEqual(expected);
  });

  it('reports exact offsets', () => {
    expect(findIps({ text: 'ip 10.1.2.3 and ::1', protectedRanges: [] })).toEqual([
      { type: 'ip', start: 3, end: 11 },
      { type: 'ip', start: 16, end: 19 },
    ]);
  });
});
