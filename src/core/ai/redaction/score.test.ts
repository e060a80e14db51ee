import { describe, expect, it } from 'vitest';
import { scoreRedactions, type LabelledItem } from './score.js';
import type { Finding } from './types.js';

// Two texts: in the first, the email is found exactly, the phone is found one character short (a
// false positive AND a miss), and a stray "card" is found; in the second, an IBAN and a custom
// "passport" label are missed.
const items: LabelledItem[] = [
  { id: 'a', text: 'mail jo@x.test or 555 0100 card', spans: [{ type: 'email', start: 5, end: 14 }, { type: 'phone', start: 18, end: 26 }] },
  { id: 'b', text: 'iban GB82WEST12345698765432 and P1234567', spans: [{ type: 'iban', start: 5, end: 27 }, { type: 'passport', start: 32, end: 40 }] },
];
const detections: Record<string, Finding[]> = {
  'mail jo@x.test or 555 0100 card': [
    { type: 'email', start: 5, end: 14 },
    { type: 'phone', start: 18, end: 25 },
    { type: 'card', start: 27, end: 31 },
  ],
};
const detect = (text: string) => detections[text] ?? [];

describe('scoreRedactions', () => {
  // Scored inside each test, not while the file is collected, so each test runs the code it checks.
  const score = () => scoreRedactions(items, detect);

  it('counts true positives, false positives and misses per type, with exact precision and recall', () => {
    const byType = Object.fromEntries(score().perType.map((t) => [t.type, t]));
    expect(byType.email).toEqual({ type: 'email', truePositives: 1, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 });
    expect(byType.phone).toEqual({ type: 'phone', truePositives: 0, falsePositives: 1, falseNegatives: 1, precision: 0, recall: 0 });
    expect(byType.card).toEqual({ type: 'card', truePositives: 0, falsePositives: 1, falseNegatives: 0, precision: 0, recall: 1 });
    expect(byType.iban).toEqual({ type: 'iban', truePositives: 0, falsePositives: 0, falseNegatives: 1, precision: 1, recall: 0 });
    // A type with nothing found and nothing labelled scores 1 (no evidence against it).
    expect(byType.ssn).toEqual({ type: 'ssn', truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 });
    // A labelled type the detectors do not know is still counted as missed.
    expect(byType.passport).toEqual({ type: 'passport', truePositives: 0, falsePositives: 0, falseNegatives: 1, precision: 1, recall: 0 });
  });

  it('lists every type once, the known types first in their order', () => {
    expect(score().perType.map((t) => t.type)).toEqual(['email', 'phone', 'card', 'iban', 'ssn', 'ip', 'profanity', 'passport']);
  });

  it('sums the overall score over every type', () => {
    // tp 1, fp 2, fn 3 → precision 1/3, recall 1/4.
    expect(score().overall).toEqual({ type: 'overall', truePositives: 1, falsePositives: 2, falseNegatives: 3, precision: 1 / 3, recall: 1 / 4 });
  });

  it('lists the misses and the false positives with their text', () => {
    expect(score().misses).toEqual([
      { id: 'a', type: 'phone', start: 18, end: 26, text: '555 0100' },
      { id: 'b', type: 'iban', start: 5, end: 27, text: 'GB82WEST12345698765432' },
      { id: 'b', type: 'passport', start: 32, end: 40, text: 'P1234567' },
    ]);
    expect(score().falsePositives).toEqual([
      { id: 'a', type: 'phone', start: 18, end: 25, text: '555 010' },
      { id: 'a', type: 'card', start: 27, end: 31, text: 'card' },
    ]);
  });

  it('Given a perfect detector, Then everything is 1; Given no items, Then nothing is counted', () => {
    const perfect = scoreRedactions(items.slice(0, 1), (text) => (text === items[0]!.text ? (items[0]!.spans as Finding[]) : []));
    expect(perfect.overall).toEqual({ type: 'overall', truePositives: 2, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 });
    expect(perfect.misses).toEqual([]);
    expect(perfect.falsePositives).toEqual([]);
    expect(scoreRedactions([], detect).overall).toEqual({ type: 'overall', truePositives: 0, falsePositives: 0, falseNegatives: 0, precision: 1, recall: 1 });
  });

  it('Given a span found with the right offsets but the wrong type, Then it is a miss and a false positive', () => {
    const wrongType = scoreRedactions(items.slice(0, 1), () => [{ type: 'ssn', start: 5, end: 14 }]);
    expect(wrongType.overall).toMatchObject({ truePositives: 0, falsePositives: 1, falseNegatives: 2 });
  });
});
