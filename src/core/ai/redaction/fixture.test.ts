import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, ownFixturePath, sharedCorpusAvailable } from '../../../../test/support/fixtures.js';
import { FIXTURE_COMPANY_CONTACTS, parseLabelledJsonl, REDACTION_TARGETS } from './fixture.js';
import { redact } from './redact.js';
import { scoreRedactions, type LabelledItem } from './score.js';

type Item = LabelledItem & { allowed: { start: number; end: number }[] };
const read = (path: string) => parseLabelledJsonl(readFileSync(path, 'utf8')) as Item[];

/**
 * The corpus tests, for the repository's own sample (exact) and for the shared corpus (the targets).
 * The corpus is read inside each test, not while the file is collected: a parse that throws then fails
 * the tests (Stryker counts a file that fails to collect as no test failing, so such a mutant "survived").
 */
function corpusTests(load: () => Item[], targets: { recall: number; precision: number }, minimumSize: number) {
  it('Given the labelled corpus, When every text is redacted, Then recall and precision beat the targets', () => {
    const items = load();
    const score = scoreRedactions(items, (text) => redact(text, FIXTURE_COMPANY_CONTACTS).findings);
    expect(items.length).toBeGreaterThanOrEqual(minimumSize);
    expect(score.overall.recall, JSON.stringify(score.misses)).toBeGreaterThanOrEqual(targets.recall);
    expect(score.overall.precision, JSON.stringify(score.falsePositives)).toBeGreaterThanOrEqual(targets.precision);
  });

  it('leaves every published company contact in the corpus unchanged', () => {
    for (const item of load()) {
      const { findings } = redact(item.text, FIXTURE_COMPANY_CONTACTS);
      for (const allowed of item.allowed) {
        expect(findings.some((f) => f.start < allowed.end && allowed.start < f.end), `${item.id}: ${item.text.slice(allowed.start, allowed.end)}`).toBe(false);
      }
    }
  });

  it('produces text without any labelled value in it', () => {
    for (const item of load()) {
      const { text } = redact(item.text, FIXTURE_COMPANY_CONTACTS);
      for (const span of item.spans) expect(text, item.id).not.toContain(item.text.slice(span.start, span.end));
    }
  });
}

describe('redaction sample (test/fixtures/pii-sample.jsonl, written for this repository)', () => {
  const sample = () => read(ownFixturePath('pii-sample.jsonl'));
  corpusTests(sample, { recall: 1, precision: 1 }, 15);

  it('has labels, look-alikes and company contacts in it', () => {
    const items = sample();
    expect(items.filter((i) => i.spans.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(items.filter((i) => i.spans.length === 0).length).toBeGreaterThanOrEqual(4);
    expect(items.some((i) => i.allowed.length > 0)).toBe(true);
  });
});

describe('the fixture desk (FIXTURE_COMPANY_CONTACTS, REDACTION_TARGETS, parseLabelledJsonl)', () => {
  // The published contacts the corpus README lists, each as one of the formats it allows.
  it.each([
    ['support@example.com', 'support@example.com'],
    ['billing@example.com', 'Billing@Example.com'],
    ['privacy@example.com', 'PRIVACY@example.com'],
    ['returns@example.com', 'returns@example.com'],
    ['security@example.com', 'security@EXAMPLE.com'],
    ['+1 800 555 0100', '1-800-555-0100'],
    ['+1 800 555 0100', '(800) 555-0100'],
    ['+44 20 7946 0000', '+44 20 7946 0000'],
  ])('Given the published contact %s written as %s, When redacted for the fixture desk, Then it stays; for another desk it goes', (_contact, written) => {
    const text = `Questions? Write to ${written} any day.`;
    expect(redact(text, FIXTURE_COMPANY_CONTACTS)).toEqual({ text, findings: [] });
    const other = redact(text);
    expect(other.findings).toEqual([expect.objectContaining({ start: 20, end: 20 + written.length })]);
    expect(other.text).not.toContain(written);
  });

  it('a look-alike support address at another domain is still customer data', () => {
    const text = 'Write to support@globex.test or support@example.com.';
    expect(redact(text, FIXTURE_COMPANY_CONTACTS).text).toBe('Write to [email removed] or support@example.com.');
  });

  it('holds the corpus to the targets of issue 5: recall ≥ 0.98 and precision ≥ 0.97', () => {
    expect(REDACTION_TARGETS).toEqual({ recall: 0.98, precision: 0.97 });
  });

  it('parses one labelled item a line and skips blank and white-space lines', () => {
    const first = { id: 'a', text: 'Mail a@b.example', spans: [{ type: 'email', start: 5, end: 16 }] };
    const second = { id: 'b', text: 'Nothing here', spans: [] };
    expect(parseLabelledJsonl(`${JSON.stringify(first)}\n\n   \n${JSON.stringify(second)}\n`)).toEqual([first, second]);
    expect(parseLabelledJsonl('')).toEqual([]);
    expect(() => parseLabelledJsonl('{"id": "a",\n"text": "split"}')).toThrow(SyntaxError);
  });
});

const shared = sharedCorpusAvailable('pii-dev.jsonl');
describe.skipIf(!shared)('redaction corpus (shared pii-dev.jsonl)', () => {
  corpusTests(() => read(fixturePath('pii-dev.jsonl')), REDACTION_TARGETS, 50);
});
