import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath, ownFixturePath, sharedCorpusAvailable } from '../../../../test/support/fixtures.js';
import { FIXTURE_COMPANY_CONTACTS, parseLabelledJsonl, REDACTION_TARGETS } from './fixture.js';
import { redact } from './redact.js';
import { scoreRedactions, type LabelledItem } from './score.js';

type Item = LabelledItem & { allowed: { start: number; end: number }[] };
const read = (path: string) => parseLabelledJsonl(readFileSync(path, 'utf8')) as Item[];

/** The corpus tests, for the repository's own sample (exact) and for the shared corpus (the targets). */
function corpusTests(items: Item[], targets: { recall: number; precision: number }, minimumSize: number) {
  it('Given the labelled corpus, When every text is redacted, Then recall and precision beat the targets', () => {
    const score = scoreRedactions(items, (text) => redact(text, FIXTURE_COMPANY_CONTACTS).findings);
    expect(items.length).toBeGreaterThanOrEqual(minimumSize);
    expect(score.overall.recall, JSON.stringify(score.misses)).toBeGreaterThanOrEqual(targets.recall);
    expect(score.overall.precision, JSON.stringify(score.falsePositives)).toBeGreaterThanOrEqual(targets.precision);
  });

  it('leaves every published company contact in the corpus unchanged', () => {
    for (const item of items) {
      const { findings } = redact(item.text, FIXTURE_COMPANY_CONTACTS);
      for (const allowed of item.allowed) {
        expect(findings.some((f) => f.start < allowed.end && allowed.start < f.end), `${item.id}: ${item.text.slice(allowed.start, allowed.end)}`).toBe(false);
      }
    }
  });

  it('produces text without any labelled value in it', () => {
    for (const item of items) {
      const { text } = redact(item.text, FIXTURE_COMPANY_CONTACTS);
      for (const span of item.spans) expect(text, item.id).not.toContain(item.text.slice(span.start, span.end));
    }
  });
}

describe('redaction sample (test/fixtures/pii-sample.jsonl, written for this repository)', () => {
  const items = read(ownFixturePath('pii-sample.jsonl'));
  corpusTests(items, { recall: 1, precision: 1 }, 15);

  it('has labels, look-alikes and company contacts in it', () => {
    expect(items.filter((i) => i.spans.length > 0).length).toBeGreaterThanOrEqual(10);
    expect(items.filter((i) => i.spans.length === 0).length).toBeGreaterThanOrEqual(4);
    expect(items.some((i) => i.allowed.length > 0)).toBe(true);
  });
});

const shared = sharedCorpusAvailable('pii-dev.jsonl');
describe.skipIf(!shared)('redaction corpus (shared pii-dev.jsonl)', () => {
  corpusTests(shared ? read(fixturePath('pii-dev.jsonl')) : [], REDACTION_TARGETS, 50);
});
