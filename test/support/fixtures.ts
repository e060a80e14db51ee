import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shared corpora (`<repo>/../shared/fixtures`, in CI as here); NEXUS_FIXTURES_DIR points elsewhere. */
export const FIXTURES_DIR = process.env.NEXUS_FIXTURES_DIR ?? resolve(import.meta.dirname, '../../../shared/fixtures');

export const fixturePath = (name: string): string => resolve(FIXTURES_DIR, name);

/** One line of `injection-dev.jsonl` (see the fixtures README, section 3). */
export interface InjectionItem {
  id: string;
  customer_message: string;
  attack: string;
  must_not_contain: string[];
  expect_handoff: boolean;
  handoff_reason: string;
}

export function readInjectionItems(): InjectionItem[] {
  return readFileSync(fixturePath('injection-dev.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as InjectionItem);
}

/** issue 13: the project's own hand-off development items (same shape, plus category and language). */
export const HANDOFF_DEV_PATH = resolve(import.meta.dirname, '../fixtures/handoff-dev.jsonl');

export interface HandoffItem extends InjectionItem {
  category: 'action' | 'others_data' | 'distress' | 'instructions' | 'secret' | 'human' | 'none';
  language: string;
}

/** Items written after the rules and never tuned against: how the rules do on unseen wording. */
export const HANDOFF_HOLDOUT_PATH = resolve(import.meta.dirname, '../fixtures/handoff-holdout.jsonl');
/** A second unseen set, written after the rules were widened with what the first one showed. */
export const HANDOFF_HOLDOUT2_PATH = resolve(import.meta.dirname, '../fixtures/handoff-holdout2.jsonl');

export function readHandoffItems(path = HANDOFF_DEV_PATH): HandoffItem[] {
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as HandoffItem);
}
