/**
 * Reply and forward prefixes in the locales mail clients write them (RFC 5322 §3.6.5 "Re:" and the
 * translations Outlook, Gmail, Apple Mail, Thunderbird, Foxmail and the Japanese and Korean clients use), stripped in a loop, any case, with a
 * counter such as "Re[2]:" or "RE(3):". "VS" means reply in Finnish and forward in Danish: it is
 * stripped, never interpreted.
 */
const PREFIX = /^\s*(?:re|aw|sv|antw|antwort|r[ée]f|rif|r|res|vs|odp|atb|ynt|vá|vl|fwd?|fw|wg|tr|rv|i|enc|vb|doorst|pd|fs|ilt|bls|přep|回复|回覆|答复|转发|轉寄|返信|転送|회신|답장|전달)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*/iu;

export function stripSubjectPrefixes(subject: string): string {
  let current = subject;
  for (let i = 0; i < 20; i += 1) {
    const next = current.replace(PREFIX, '');
    if (next === current) break;
    current = next;
  }
  return current.trim();
}

/** The ticket token in a subject or body: `[#1042]`. Returns every number found, in order. */
export function findTicketTokens(text: string): number[] {
  const numbers: number[] = [];
  for (const match of text.matchAll(/\[#(\d{1,10})\]/g)) {
    const n = Number(match[1]);
    if (Number.isSafeInteger(n) && n > 0 && n <= 2_147_483_647 && !numbers.includes(n)) numbers.push(n);
  }
  return numbers;
}

export const ticketToken = (number: number): string => `[#${number}]`;

/** The subject of mail we send on a ticket: the token once, the ticket's subject without prefixes. */
export function outgoingSubject(number: number, subject: string, reply = true): string {
  const base = stripSubjectPrefixes(subject.replace(/\[#\d+\]\s*/g, '')) || '(no subject)';
  return `${reply ? 'Re: ' : ''}${ticketToken(number)} ${base}`;
}

/** A ticket subject from a mail subject: prefixes and our token removed, never empty. */
export function ticketSubjectFromMail(subject: string): string {
  const stripped = stripSubjectPrefixes(subject.replace(/\[#\d+\]\s*/g, '')).slice(0, 500).trim();
  return stripped || '(no subject)';
}
