import type { TicketPriority, TicketSource } from '../db/schema.js';
import type { RoutingRule, RuleActions, RuleConditions } from './routing-rule.js';

/** What routing knows about a new ticket. Tags and priority change as earlier rules apply. */
export interface TicketFacts {
  subject: string;
  body: string;
  source: TicketSource;
  context: string | null;
  priority: TicketPriority;
  tags: string[];
  customerEmail: string;
}

export interface MatchedCondition {
  field: keyof RuleConditions;
  /** The value of the condition's list that matched. */
  value: string;
}

export interface RuleMatch {
  rule: { id: string; name: string; position: number };
  matched: MatchedCondition[];
  actions: RuleActions;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Whole-word, case-insensitive: "refund" matches "Refund!" but not "refunds". */
export function containsWord(text: string, word: string): boolean {
  const pattern = escape(word.trim()).replace(/\s+/g, '\\s+');
  return new RegExp(`(?<![\\p{L}\\p{N}_])${pattern}(?![\\p{L}\\p{N}_])`, 'iu').test(text);
}

function firstMatch(field: keyof RuleConditions, values: readonly string[] | null, test: (value: string) => boolean): MatchedCondition | null | undefined {
  if (values === null) return undefined; // no condition on this field
  const hit = values.find(test);
  return hit === undefined ? null : { field, value: hit };
}

/** The conditions a rule's ticket meets, or null when one field fails. */
export function matchConditions(conditions: RuleConditions, facts: TicketFacts): MatchedCondition[] | null {
  const domain = facts.customerEmail.split('@')[1]?.toLowerCase() ?? '';
  const lower = (s: string) => s.toLowerCase();
  const checks = [
    firstMatch('keywords', conditions.keywords, (w) => containsWord(facts.subject, w) || containsWord(facts.body, w)),
    firstMatch('subjectKeywords', conditions.subjectKeywords, (w) => containsWord(facts.subject, w)),
    firstMatch('bodyKeywords', conditions.bodyKeywords, (w) => containsWord(facts.body, w)),
    firstMatch('source', conditions.source, (s) => s === facts.source),
    firstMatch('context', conditions.context, (c) => facts.context !== null && lower(c) === lower(facts.context)),
    firstMatch('priority', conditions.priority, (p) => p === facts.priority),
    firstMatch('tags', conditions.tags, (tag) => facts.tags.some((t) => lower(t) === lower(tag))),
    firstMatch('emailDomain', conditions.emailDomain, (d) => domain === d || domain.endsWith(`.${d}`)),
  ];
  if (checks.some((c) => c === null)) return null;
  const matched = checks.filter((c): c is MatchedCondition => !!c);
  return matched.length ? matched : null;
}

/**
 * Pure: the enabled rules in order, each that matches the ticket as it stands after the earlier ones
 * (a rule that raises the priority is seen by the next), until a rule says stop.
 */
export function evaluateRules(rules: readonly RoutingRule[], initial: TicketFacts): { matches: RuleMatch[]; facts: TicketFacts } {
  const facts = { ...initial, tags: [...initial.tags] };
  const matches: RuleMatch[] = [];
  for (const rule of [...rules].sort((a, b) => a.position - b.position)) {
    if (!rule.isEnabled) continue;
    const matched = matchConditions(rule.conditions, facts);
    if (!matched) continue;
    matches.push({ rule: { id: rule.id, name: rule.name, position: rule.position }, matched, actions: rule.actions });
    if (rule.actions.setPriority) facts.priority = rule.actions.setPriority;
    for (const tag of rule.actions.addTags ?? []) if (!facts.tags.some((t) => t.toLowerCase() === tag.toLowerCase())) facts.tags.push(tag);
    if (rule.actions.stop) break;
  }
  return { matches, facts };
}
