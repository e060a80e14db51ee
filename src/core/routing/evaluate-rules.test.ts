import { describe, expect, it } from 'vitest';
import { containsWord, evaluateRules, type TicketFacts } from './evaluate-rules.js';
import type { RoutingRule, RuleActions, RuleConditions } from './routing-rule.js';

const none: RuleConditions = { keywords: null, subjectKeywords: null, bodyKeywords: null, source: null, context: null, priority: null, tags: null, emailDomain: null };
const noActions: RuleActions = { setPriority: null, addTags: null, setCategory: null, assign: null, group: null, stop: false };
const rule = (name: string, position: number, conditions: Partial<RuleConditions>, actions: Partial<RuleActions>): RoutingRule => ({
  id: name,
  name,
  position,
  isEnabled: true,
  conditions: { ...none, ...conditions },
  actions: { ...noActions, ...actions },
  createdAt: '',
  updatedAt: '',
});
const facts: TicketFacts = { subject: 'Refund please', body: 'I was charged twice for my invoice.', source: 'email', context: 'Billing', priority: 'medium', tags: [], customerEmail: 'ana@shop.example.com' };

describe('routing rules', () => {
  it.each([
    ['refund', 'Refund please', true],
    ['refund', 'REFUND!', true],
    ['refund', 'refunds are slow', false],
    ['charged twice', 'I was charged   twice', true],
    ['c++', 'I use C++ daily', true],
  ])('whole-word, any case: %s in "%s" → %s', (word, text, expected) => {
    expect(containsWord(text, word)).toBe(expected);
  });

  it.each([
    ['a keyword in the body', { keywords: ['invoice'] }, true],
    ['OR within a list', { keywords: ['login', 'charged'] }, true],
    ['AND across fields (one fails)', { keywords: ['refund'], source: ['api' as const] }, false],
    ['AND across fields (all hold)', { subjectKeywords: ['refund'], source: ['email' as const], context: ['billing'] }, true],
    ['a sender domain and its subdomains', { emailDomain: ['example.com'] }, true],
    ['another domain', { emailDomain: ['other.com'] }, false],
    ['priority', { priority: ['high' as const] }, false],
  ])('Given a rule on %s, it matches: %s', (_name, conditions, expected) => {
    expect(evaluateRules([rule('r', 1, conditions, { stop: true })], facts).matches).toHaveLength(expected ? 1 : 0);
  });

  it('applies in order, later rules see earlier changes, and stop ends the run', () => {
    const rules = [
      rule('tag-vip', 2, { priority: ['urgent'] }, { addTags: ['vip'] }),
      rule('urgent-refunds', 1, { keywords: ['refund'] }, { setPriority: 'urgent' }),
      rule('stopper', 3, { tags: ['vip'] }, { stop: true }),
      rule('never', 4, { keywords: ['refund'] }, { setCategory: 'Billing' }),
    ];
    const { matches, facts: after } = evaluateRules(rules, facts);
    expect(matches.map((m) => m.rule.name)).toEqual(['urgent-refunds', 'tag-vip', 'stopper']);
    expect(matches[0]!.matched).toEqual([{ field: 'keywords', value: 'refund' }]);
    expect(after).toMatchObject({ priority: 'urgent', tags: ['vip'] });
  });
});
