import { redact } from './redaction/index.js';
import { classifyInbound, guardReply } from './safety/index.js';

/**
 * The text-safety functions the pipeline applies, behind one seam: the inbound classifier (should a
 * human take this message?), the redactor (PII and profanity out of the reply) and the output guard
 * (system canary, another ticket's identifiers, echoed payloads → block). The implementations live
 * in ./redaction and ./safety; this file only adapts their signatures to the pipeline.
 */
export interface RedactionFinding {
  type: string;
  start: number;
  end: number;
}

export interface InboundVerdict {
  handoff: boolean;
  reason: string | null;
  signals: string[];
}

export interface GuardVerdict {
  blocked: boolean;
  reasons: string[];
}

export interface GuardInput {
  canary: string;
  foreignIdentifiers: string[];
  customerMessage: string;
  companyEmails: string[];
  /** Hosts of the company's published sites (`companyUrls`): links to them are never an echoed payload. */
  companyDomains?: string[];
}

export const replyFilters = {
  classifyInbound(text: string): InboundVerdict {
    const verdict = classifyInbound(text);
    return { handoff: verdict.handoff, reason: verdict.handoff ? verdict.reason : null, signals: verdict.signals };
  },
  redact(text: string, options: { allowedEmails: string[]; allowedPhones?: string[] }): { text: string; findings: RedactionFinding[] } {
    const result = redact(text, { allowedEmails: options.allowedEmails, allowedPhones: options.allowedPhones });
    // Offsets and types only: the redacted values never reach the traces.
    return { text: result.text, findings: result.findings.map(({ type, start, end }) => ({ type, start, end })) };
  },
  guard(reply: string, input: GuardInput): GuardVerdict {
    const allowedDomains = [...new Set([...input.companyEmails.map((e) => e.split('@')[1] ?? '').filter(Boolean), ...(input.companyDomains ?? [])])];
    const result = guardReply(reply, {
      canaries: [input.canary],
      forbiddenIdentifiers: input.foreignIdentifiers,
      customerMessage: input.customerMessage,
      allowedDomains,
    });
    return { blocked: !result.allowed, reasons: result.reasons };
  },
};
