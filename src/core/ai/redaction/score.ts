import type { Finding, FindingType } from './types.js';
import { FINDING_TYPES } from './types.js';

/** One labelled text, in the shape of the fixture corpus (`pii-dev.jsonl`). */
export interface LabelledItem {
  id: string;
  text: string;
  spans: { type: string; start: number; end: number }[];
}

export interface TypeScore {
  type: FindingType | 'overall';
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export interface SpanIssue {
  id: string;
  type: string;
  start: number;
  end: number;
  /** The text of the span, to make the report readable. */
  text: string;
}

export interface Score {
  perType: TypeScore[];
  overall: TypeScore;
  misses: SpanIssue[];
  falsePositives: SpanIssue[];
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}

function summarise(type: TypeScore['type'], tp: number, fp: number, fn: number): TypeScore {
  return { type, truePositives: tp, falsePositives: fp, falseNegatives: fn, precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn) };
}

/** Exact-span scoring: a finding counts only when type, start and end all equal a label. */
export function scoreRedactions(items: readonly LabelledItem[], detect: (text: string) => readonly Finding[]): Score {
  const counts = new Map<string, { tp: number; fp: number; fn: number }>(FINDING_TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }]));
  const misses: SpanIssue[] = [];
  const falsePositives: SpanIssue[] = [];
  for (const item of items) {
    const key = (s: { type: string; start: number; end: number }) => `${s.type}:${s.start}:${s.end}`;
    const expected = new Set(item.spans.map(key));
    const found = detect(item.text);
    const foundKeys = new Set(found.map(key));
    for (const f of found) {
      const c = counts.get(f.type)!;
      if (expected.has(key(f))) c.tp++;
      else {
        c.fp++;
        falsePositives.push({ id: item.id, type: f.type, start: f.start, end: f.end, text: item.text.slice(f.start, f.end) });
      }
    }
    for (const s of item.spans) {
      if (foundKeys.has(key(s))) continue;
      if (!counts.has(s.type)) counts.set(s.type, { tp: 0, fp: 0, fn: 0 });
      counts.get(s.type)!.fn++;
      misses.push({ id: item.id, type: s.type, start: s.start, end: s.end, text: item.text.slice(s.start, s.end) });
    }
  }
  const perType = [...counts].map(([type, c]) => summarise(type as FindingType, c.tp, c.fp, c.fn));
  const total = [...counts.values()].reduce((a, c) => ({ tp: a.tp + c.tp, fp: a.fp + c.fp, fn: a.fn + c.fn }), { tp: 0, fp: 0, fn: 0 });
  return { perType, overall: summarise('overall', total.tp, total.fp, total.fn), misses, falsePositives };
}
