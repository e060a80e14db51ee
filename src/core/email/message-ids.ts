import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Our own Message-IDs carry the ticket number and an HMAC under the desk's secret key, so a reply is
 * threaded only by an id this desk really sent (FreeScout had mis-threaded mail with bare ids):
 *   nexus.<ticket>.<random>.<mac>@<domain>
 */
const OWN_ID = /^nexus\.(\d{1,10})\.([a-z0-9]{12,32})\.([0-9a-f]{20})@/i;

const mac = (secret: string, ticket: number, nonce: string): string =>
  createHmac('sha256', secret).update(`nexus-message-id:${ticket}.${nonce}`).digest('hex').slice(0, 20);

export function newOwnMessageId(secret: string, ticketNumber: number | null, domain: string): string {
  const nonce = randomBytes(9).toString('hex');
  const ticket = ticketNumber ?? 0;
  return `nexus.${ticket}.${nonce}.${mac(secret, ticket, nonce)}@${domain}`;
}

/** The ticket number of one of our ids (0 for mail not tied to a ticket), or null when it is not ours. */
export function verifyOwnMessageId(secret: string, id: string): number | null {
  const match = OWN_ID.exec(id);
  if (!match) return null;
  const ticket = Number(match[1]);
  const expected = Buffer.from(mac(secret, ticket, match[2]!.toLowerCase()));
  const given = Buffer.from(match[3]!.toLowerCase());
  return expected.length === given.length && timingSafeEqual(expected, given) ? ticket : null;
}

export const looksLikeOwnMessageId = (id: string): boolean => OWN_ID.test(id);
