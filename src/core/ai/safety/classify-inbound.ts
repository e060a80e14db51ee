import { ACTION_RULES, DISTRESS_RULES, HUMAN_EXTRA_RULES, INSTRUCTION_RULES, OTHERS_DATA_RULES, SECRET_RULES, SIGNAL_CATEGORIES, TOOL_CALL_RULES } from './category-rules.js';
import { INJECTION_RULES } from './injection-rules.js';
import { normaliseInbound, type NormalisedText } from './normalise.js';
import type { Rule } from './rules.js';
import { STRUCTURE_ACTION_RULES, STRUCTURE_DISTRESS_RULES, STRUCTURE_HUMAN_RULES, STRUCTURE_INSTRUCTION_RULES, STRUCTURE_OTHERS_RULES, STRUCTURE_SECRET_RULES } from './structure-rules.js';
import { HUMAN_RULES, RESTRICTED_RULES, SAFETY_RULES, SECURITY_RULES } from './topic-rules.js';

export const HANDOFF_REASONS = ['explicit_human', 'restricted_topic', 'safety', 'security', 'suspected_injection', 'none'] as const;
export type HandoffReason = (typeof HANDOFF_REASONS)[number];

export interface InboundClassification {
  /** True when a person must answer: no automatic reply (a draft may still go to an agent). */
  handoff: boolean;
  /** The most serious reason found (safety > security > suspected_injection > restricted_topic > explicit_human). */
  reason: HandoffReason;
  /** Every signal that matched, as `<reason>:<signal>` (plus `hidden:<channel>`), for traces and agents. */
  signals: string[];
  /**
   * issue 13: what the AI must not do here, by category: (a) `action`, (b) `others_data`, (c)
   * `distress`, (d) `instructions`, (e) `secret`. Empty when only a topic or a request for a person matched.
   */
  categories: HandoffCategory[];
}

export const HANDOFF_CATEGORIES = ['action', 'others_data', 'distress', 'instructions', 'secret'] as const;
export type HandoffCategory = (typeof HANDOFF_CATEGORIES)[number];

/** Reasons from most to least serious: the first one with a match wins. */
const GROUPS: { reason: Exclude<HandoffReason, 'none'>; rules: Rule[] }[] = [
  { reason: 'safety', rules: [...SAFETY_RULES, ...DISTRESS_RULES, ...STRUCTURE_DISTRESS_RULES] },
  { reason: 'security', rules: [...SECURITY_RULES, ...SECRET_RULES, ...STRUCTURE_SECRET_RULES] },
  { reason: 'suspected_injection', rules: [...INJECTION_RULES, ...INSTRUCTION_RULES, ...STRUCTURE_INSTRUCTION_RULES, ...OTHERS_DATA_RULES, ...STRUCTURE_OTHERS_RULES, ...TOOL_CALL_RULES] },
  { reason: 'restricted_topic', rules: [...RESTRICTED_RULES, ...ACTION_RULES, ...STRUCTURE_ACTION_RULES] },
  { reason: 'explicit_human', rules: [...HUMAN_RULES, ...HUMAN_EXTRA_RULES, ...STRUCTURE_HUMAN_RULES] },
];

/** Sentences (and lines) of a text, for rules that combine word classes within one sentence. */
const sentences = (text: string): string[] => text.split(/[?!;\n¿¡]+|\.(?=\s|$)/);

function matches(rule: Rule, text: NormalisedText): boolean {
  if (rule.unlessText && rule.unlessText.test(text.folded)) return false;
  const subjects = rule.on === 'visible' ? [text.visible] : rule.on === 'deleeted' ? [text.folded, text.deleeted] : [text.folded];
  if (rule.all) {
    const all = rule.all;
    return subjects.some((subject) => sentences(subject).some((s) => rule.pattern.test(s) && all.every((r) => r.test(s)) && !rule.unless?.test(s)));
  }
  if (rule.unless && subjects.some((s) => rule.unless!.test(s))) return false;
  const hit = subjects.some((s) => rule.pattern.test(s));
  if (!hit || !rule.requires) return hit;
  const required = rule.requires;
  return subjects.some((s) => required.test(s)) || required.test(text.visible);
}

/**
 * Text the customer cannot see but the model would read: instructions hidden there are injection.
 * "a.i." ends in a dot, so it has its own ending: `\b` after a dot needs a letter next, which never
 * follows "a.i." in a sentence.
 */
const AI_WORDS = /\b(ai|assistant|bot|model|llm|gpt|chatgpt|prompt|system|instruction\w*|ignore|reply|respond|answer|say|anweisung\w*|antworte|consigne\w*|reponds|instruccion\w*|responde)\b|\ba\.i\.(?!\w)/i;

/**
 * Classifies one inbound customer message before any automatic reply, following the handoff policy
 * (fixtures README §3): a person for explicit requests, restricted topics, safety and security
 * concerns, and any instructions aimed at the AI. Pure; multilingual (EN/DE/FR/ES).
 */
export function classifyInbound(message: string): InboundClassification {
  const text = normaliseInbound(message);
  const signals: string[] = text.hidden.map((h) => `hidden:${h}`);
  const reasons = new Set<HandoffReason>();
  const categories: HandoffCategory[] = [];
  for (const group of GROUPS) {
    for (const rule of group.rules) {
      if (!matches(rule, text)) continue;
      reasons.add(group.reason);
      const signal = `${group.reason}:${rule.signal}`;
      if (!signals.includes(signal)) signals.push(signal);
      const category = SIGNAL_CATEGORIES[rule.signal];
      if (category && !categories.includes(category)) categories.push(category);
    }
  }
  // Hidden channels carrying words for a machine, or Unicode tag smuggling, are injection on their own.
  if (text.hidden.includes('unicode_tags') || AI_WORDS.test(text.hiddenText)) {
    reasons.add('suspected_injection');
    signals.push('suspected_injection:hidden_instructions');
    if (!categories.includes('instructions')) categories.push('instructions');
  }
  const reason = GROUPS.find((g) => reasons.has(g.reason))?.reason ?? 'none';
  return { handoff: reason !== 'none', reason, signals, categories };
}
