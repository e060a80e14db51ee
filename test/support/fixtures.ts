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
