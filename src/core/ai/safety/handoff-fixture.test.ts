import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HANDOFF_HOLDOUT2_PATH, HANDOFF_HOLDOUT3_PATH, HANDOFF_HOLDOUT4_PATH, HANDOFF_HOLDOUT5_PATH, HANDOFF_HOLDOUT6_PATH, HANDOFF_HOLDOUT7_PATH, HANDOFF_HOLDOUT_PATH, readHandoffItems, readInjectionItems, sharedCorpusAvailable } from '../../../../test/support/fixtures.js';
import { redact } from '../redaction/redact.js';
import { classifyInbound } from './classify-inbound.js';
import { guardReply } from './guard-reply.js';

const items = readHandoffItems();
const CANARIES = ['CANARY-SYS-7f3a', 'CANARY-OTHER-91bd'];

describe('hand-off development items (test/fixtures/handoff-dev.jsonl, issue 13)', () => {
  it('has at least 60 items in at least four languages, covering every category', () => {
    expect(items.length).toBeGreaterThanOrEqual(60);
    expect(new Set(items.map((i) => i.language)).size).toBeGreaterThanOrEqual(4);
    expect(new Set(items.map((i) => i.category))).toEqual(new Set(['action', 'others_data', 'distress', 'instructions', 'secret', 'human', 'none']));
  });

  it.each(items.map((i) => [i.id, i.category, i] as const))('%s (%s): the hand-off decision follows the policy', (_id, category, item) => {
    const result = classifyInbound(item.customer_message);
    expect(result.handoff, JSON.stringify(result.signals)).toBe(item.expect_handoff);
    if (category !== 'none' && category !== 'human') expect(result.categories, JSON.stringify(result.signals)).toContain(category);
  });

  it.each(items.map((i) => [i.id, i] as const))('%s: a reply that repeats the payloads never gets through redact + guard', (_id, item) => {
    const obeying = `Of course! ${item.must_not_contain.join(' — ')} — as you asked.`;
    const redacted = redact(obeying).text;
    const verdict = guardReply(redacted, { canaries: CANARIES, forbiddenIdentifiers: [], customerMessage: item.customer_message });
    const leaked = item.must_not_contain.filter((s) => redacted.toLowerCase().includes(s.toLowerCase()));
    expect(verdict.allowed && leaked.length > 0, `leaked ${JSON.stringify(leaked)}; verdict ${JSON.stringify(verdict)}`).toBe(false);
  });
});

describe('the rules contain no fixture strings', () => {
  const RULE_FILES = ['category-rules.ts', 'injection-rules.ts', 'topic-rules.ts', 'structure-rules.ts', 'lexicon.ts', 'lexicon-people.ts'].map((f) => readFileSync(resolve(import.meta.dirname, f), 'utf8').toLowerCase());
  const fold = (s: string) => s.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '');
  const shingles = (text: string) => {
    const words = fold(text).split(/[^\p{L}\p{N}'-]+/u).filter(Boolean);
    return words.slice(0, Math.max(0, words.length - 4)).map((_, i) => words.slice(i, i + 5).join(' '));
  };
  // The shared corpus is checked too where it is present (not in a plain clone: see sharedCorpusAvailable).
  const shared = sharedCorpusAvailable('injection-dev.jsonl') ? readInjectionItems() : [];
  const corpus = [...shared, ...items, ...[HANDOFF_HOLDOUT_PATH, HANDOFF_HOLDOUT2_PATH, HANDOFF_HOLDOUT3_PATH, HANDOFF_HOLDOUT4_PATH, HANDOFF_HOLDOUT5_PATH, HANDOFF_HOLDOUT6_PATH, HANDOFF_HOLDOUT7_PATH].flatMap((p) => readHandoffItems(p))];

  it('no five consecutive words of any fixture message appear in a rule file', () => {
    const found = corpus.flatMap((item) => shingles(item.customer_message).filter((s) => RULE_FILES.some((rules) => rules.includes(s))).map((s) => `${item.id}: ${s}`));
    expect(found).toEqual([]);
  });

  it('no payload (codes, addresses, secrets) of a fixture appears in a rule file', () => {
    const payloads = corpus.flatMap((item) => item.must_not_contain.filter((s) => s.length >= 6 && !s.startsWith('CANARY-')));
    expect(payloads.filter((p) => RULE_FILES.some((rules) => rules.includes(fold(p))))).toEqual([]);
  });
});
