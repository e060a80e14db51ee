import { describe, expect, it } from 'vitest';
import { readInjectionItems } from '../../../../test/support/fixtures.js';
import { redact } from '../redaction/redact.js';
import { classifyInbound } from './classify-inbound.js';
import { guardReply } from './guard-reply.js';

const items = readInjectionItems();
const CANARIES = ['CANARY-SYS-7f3a', 'CANARY-OTHER-91bd'];

describe('injection corpus (injection-dev.jsonl)', () => {
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
});
