import type { IngestFileResult } from './ingest-files.js';

/** One case of the email threading corpus (fixtures README §2). */
export interface EmailCase {
  case: string;
  mailbox: string;
  messages: { file: string; expect: string; note?: string }[];
  substitutions?: { placeholder: string; files: string[] }[];
}

export interface ScoredMessage {
  file: string;
  expect: string;
  got: string;
  ticket: number | null;
  autoReply: boolean;
  reason: string | null;
  ok: boolean;
}

/**
 * Delivers a case's files in order (placeholders replaced in the raw bytes first) and checks each
 * decision, the ticket it went to and whether an automatic mail was queued.
 */
export async function scoreEmailCase(spec: EmailCase, io: { read(file: string): Uint8Array; ingest(file: string, raw: Uint8Array): Promise<IngestFileResult> }): Promise<ScoredMessage[]> {
  const tickets = new Map<string, number | null>();
  const out: ScoredMessage[] = [];
  for (const message of spec.messages) {
    let text = Buffer.from(io.read(message.file)).toString('latin1');
    for (const sub of spec.substitutions ?? []) {
      if (!sub.files.includes(message.file)) continue;
      const source = /\{\{TICKET_NUMBER_OF:([^}]+)\}\}/.exec(sub.placeholder)?.[1];
      const number = source ? tickets.get(source) : undefined;
      text = text.split(sub.placeholder).join(number === undefined || number === null ? '0' : String(number));
    }
    const result = await io.ingest(message.file, new Uint8Array(Buffer.from(text, 'latin1')));
    tickets.set(message.file, result.ticketNumber);
    const [kind, ref] = message.expect.split(':') as [string, string | undefined];
    let ok: boolean;
    let got: string = result.decision;
    switch (kind) {
      case 'new_ticket':
        ok = result.decision === 'new_ticket';
        break;
      case 'new_ticket_not_autoreplied':
        ok = result.decision === 'new_ticket' && !result.autoReply;
        got = `${result.decision}${result.autoReply ? ' (auto-replied)' : ''}`;
        break;
      case 'same_ticket_as':
        ok = result.decision === 'same_ticket' && result.ticketNumber !== null && result.ticketNumber === tickets.get(ref!);
        got = `${result.decision} #${result.ticketNumber ?? '-'} (${ref} is #${tickets.get(ref!) ?? '-'})`;
        break;
      case 'duplicate_of':
        ok = result.decision === 'duplicate' && !result.autoReply;
        break;
      case 'ignored_autoreply':
      case 'ignored_bounce':
        ok = result.decision === kind && !result.autoReply;
        break;
      default:
        ok = false;
    }
    out.push({ file: message.file, expect: message.expect, got, ticket: result.ticketNumber, autoReply: result.autoReply, reason: result.reason, ok });
  }
  return out;
}
