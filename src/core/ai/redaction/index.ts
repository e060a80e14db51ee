/**
 * The output redactor: every AI reply passes through `redact()` before it is stored or sent.
 * See docs/redaction.md for what is detected and what is deliberately left alone.
 */
export { redact, PLACEHOLDERS, type RedactOptions, type RedactResult } from './redact.js';
export { FINDING_TYPES, type Finding, type FindingType } from './types.js';
export { passesLuhn, passesIbanMod97 } from './checksums.js';
export { isSamePhone } from './phone.js';
export { scoreRedactions, type LabelledItem, type Score, type TypeScore } from './score.js';
