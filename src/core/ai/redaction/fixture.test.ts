import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { fixturePath } from '../../../../test/support/fixtures.js';
import { FIXTURE_COMPANY_CONTACTS, parseLabelledJsonl, REDACTION_TARGETS } from './fixture.js';
import { redact } from './redact.js';
import { scoreRedactions } from './score.js';

const items = parseLabelledJsonl(readFileSync(fixturePath('pii-dev.jsonl'), 'utf8'));

describe('redaction corpus (pii-dev.jsonl)', () => {
  it('Given the labelled corpus, When every text is redacted, Then recall and precision beat the targets', () => {
    const score = scoreRedactions(items, (text) => redact(text, FIXTURE_COMPANY_CONTACTS).findings);
    expect(items.length).toBeGreaterThan(50);
    expect(score.overall.recall, JSON.stringify(score.misses)).toBeGreaterThanOrEqual(REDACTION_TARGETS.recall);
    expect(score.overall.precision, JSON.stringify(score.falsePositives)).toBeGreaterThanOrEqual(REDACTION_TARGETS.precision);
  });

  it('leaves every published company contact in the corpus unchanged', () => {
    for (const item of items as (typeof items[number] & { allowed: { start: number; end: number }[] })[]) {
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
});
