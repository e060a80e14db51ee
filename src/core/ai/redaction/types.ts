export const FINDING_TYPES = ['email', 'phone', 'card', 'iban', 'ssn', 'ip', 'profanity'] as const;
export type FindingType = (typeof FINDING_TYPES)[number];

/** One redacted span. `start`/`end` are offsets into the ORIGINAL text (end exclusive, JS string indices). */
export interface Finding {
  type: FindingType;
  start: number;
  end: number;
  /** The original text of the span; only present when asked for (`includeValues`), so traces stay clean. */
  value?: string;
}

/** What each detector sees: the text and the ranges (URLs, hashes, …) where numbers are not personal data. */
export interface DetectorInput {
  text: string;
  protectedRanges: readonly { start: number; end: number }[];
}

export type Detector = (input: DetectorInput) => Finding[];
