import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';

export interface Mailbox {
  accountId: string | null;
  /** The canonical address (an alias resolves to its account's address). */
  address: string;
  displayName: string | null;
  /** The address and every alias: mail from one of them is our own. */
  ownAddresses: string[];
}

/** The account an address (or alias) delivers into; without one, the address itself is the mailbox. */
export async function resolveMailbox(db: Kysely<DB> | Transaction<DB>, address: string): Promise<Mailbox> {
  const wanted = address.trim().toLowerCase();
  const row = await db
    .selectFrom('email_accounts')
    .select(['id', 'address', 'display_name', 'aliases'])
    .where((eb) => eb.or([eb('address', '=', wanted), sql<boolean>`${wanted} = any(aliases)`]))
    .executeTakeFirst();
  if (!row) return { accountId: null, address: wanted, displayName: null, ownAddresses: [wanted] };
  return { accountId: row.id, address: row.address, displayName: row.display_name, ownAddresses: [row.address, ...row.aliases.map((a) => a.toLowerCase())] };
}
