import { sql, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';

// Identifier-like tokens: order/ticket numbers, codes with digits, emails. Plain words are not
// identifiers (they would match every ticket).
const TOKEN = /#\d{3,}|[\p{L}\p{N}][\p{L}\p{N}._%+@-]*[\p{L}\p{N}]/gu;
const MAX_CANDIDATES = 40;

/** Tokens in a reply that could identify a ticket or a person: contain a digit or an @, ≥ 5 chars. */
export function identifierCandidates(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(TOKEN)) {
    const token = match[0];
    if (token.startsWith('#') || (token.length >= 5 && /[\d@]/.test(token))) found.add(token.toLowerCase());
    if (found.size >= MAX_CANDIDATES) break;
  }
  return [...found];
}

/**
 * The identifiers in `text` that belong to OTHER tickets (their numbers, subjects, message bodies,
 * customers' emails and names) and do not occur in this ticket. The output guard blocks a reply that
 * carries any of them. Runs inside the reply's transaction.
 */
export async function findForeignIdentifiers(trx: Transaction<DB>, ticket: { id: string; number: number; customerId: string }, text: string): Promise<string[]> {
  const candidates = identifierCandidates(text).filter((c) => c !== `#${ticket.number}`);
  if (candidates.length === 0) return [];
  const { rows } = await sql<{ token: string }>`
    with c(token) as (select unnest(${candidates}::text[])),
    own as (
      select lower(t.subject || ' ' || coalesce(t.context, '') || ' ' || u.email || ' ' || u.name || ' ' ||
             coalesce((select string_agg(m.body, ' ') from messages m where m.ticket_id = t.id), '')) as text
      from tickets t join users u on u.id = t.customer_id where t.id = ${ticket.id}
    )
    select c.token from c, own
    where strpos(own.text, c.token) = 0 and (
      (c.token ~ '^#[0-9]+$' and exists (select 1 from tickets t where t.number::text = substr(c.token, 2) and t.id <> ${ticket.id}))
      or exists (select 1 from messages m where m.ticket_id <> ${ticket.id} and m.kind <> 'ai' and strpos(lower(m.body), c.token) > 0)
      or exists (select 1 from tickets t where t.id <> ${ticket.id} and strpos(lower(t.subject || ' ' || coalesce(t.context, '')), c.token) > 0)
      or exists (
        select 1 from users u where u.id <> ${ticket.customerId}
          and exists (select 1 from tickets t where t.customer_id = u.id)
          and (lower(u.email) = c.token or strpos(lower(u.name), c.token) > 0)
      )
    )`.execute(trx);
  return rows.map((r) => r.token);
}
