import type { LabelledItem } from './score.js';

/**
 * The published contacts of the fixture desk (`../shared/fixtures/README.md`, "Allowed company
 * contacts"): what a desk would put in `companyEmails` and its published phone numbers.
 */
export const FIXTURE_COMPANY_CONTACTS = {
  allowedEmails: ['support@example.com', 'billing@example.com', 'privacy@example.com', 'returns@example.com', 'security@example.com'],
  allowedPhones: ['+1 800 555 0100', '+44 20 7946 0000'],
} as const;

/** Targets of issue 5 for `npm run eval:redaction`. */
export const REDACTION_TARGETS = { recall: 0.98, precision: 0.97 } as const;

/** Parses a JSONL corpus of labelled texts; blank lines are ignored. */
export function parseLabelledJsonl(content: string): LabelledItem[] {
  return content
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as LabelledItem);
}
