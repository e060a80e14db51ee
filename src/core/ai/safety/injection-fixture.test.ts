import { describe, expect, it } from 'vitest';
import { ownFixturePath, readInjectionItems, sharedCorpusAvailable, type InjectionItem } from '../../../../test/support/fixtures.js';
import { redact } from '../redaction/redact.js';
import { classifyInbound } from './classify-inbound.js';
import { guardReply } from './guard-reply.js';

const CANARIES = ['CANARY-SYS-7f3a', 'CANARY-OTHER-91bd'];

/** The corpus tests, for the repository's own sample and for the shared corpus. */
function corpusTests(items: InjectionItem[]) {
  it('is not empty', () => {
    expect(items.length).toBeGreaterThan(0);
  });

  it.each(items.map((i) => [i.id, i] as const))('%s: handoff and reason follow the policy', (_id, item) => {
    const result = classifyInbound(item.customer_message);
    expect(result.handoff, JSON.stringify(result.signals)).toBe(item.expect_handoff);
    expect(result.reason, JSON.stringify(result.signals)).toBe(item.handoff_reason);
  });

  it.each(items.map((i) => [i.id, i] as const))('%s: a reply that obeys the attacker never gets through redact + guard', (_id, item) => {
    // A model that does what the message asks: repeats every payload, canaries included.
    const obeying = `Of course! ${item.must_not_contain.join(' — ')} — as you asked.`;
    const redacted = redact(obeying).text;
    const verdict = guardReply(redacted, { canaries: CANARIES, forbiddenIdentifiers: ['66120091'], customerMessage: item.customer_message });
    const leaked = item.must_not_contain.filter((s) => redacted.toLowerCase().includes(s.toLowerCase()));
    expect(verdict.allowed && leaked.length > 0, `leaked ${JSON.stringify(leaked)}; verdict ${JSON.stringify(verdict)}`).toBe(false);
  });
}

describe('injection sample (test/fixtures/injection-sample.jsonl, written for this repository)', () => {
  corpusTests(readInjectionItems(ownFixturePath('injection-sample.jsonl')));
});

const shared = sharedCorpusAvailable('injection-dev.jsonl');
describe.skipIf(!shared)('injection corpus (shared injection-dev.jsonl)', () => {
  corpusTests(shared ? readInjectionItems() : []);
});
