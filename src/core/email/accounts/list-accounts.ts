import { sql, type Kysely, type Transaction } from 'kysely';
import { authorize, type Actor } from '../../access/permissions.js';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NexusError } from '../../errors.js';
import { presentAccount, type AccountRow, type EmailAccount } from './account.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** An account by id, address or alias; NOT_FOUND names what was asked for. */
export async function findAccount(db: Kysely<DB> | Transaction<DB>, ref: string, options: { forUpdate?: boolean } = {}): Promise<AccountRow> {
  const wanted = ref.trim().toLowerCase();
  let query = db.selectFrom('email_accounts').selectAll();
  query = UUID.test(wanted) ? query.where('id', '=', wanted) : query.where((eb) => eb.or([eb('address', '=', wanted), sql<boolean>`${wanted} = any(aliases)`]));
  if (options.forUpdate) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw new NexusError('NOT_FOUND', `No mail account ${ref}`, { hint: 'List them with `nexus email accounts list`.' });
  return row;
}

export async function listAccounts(deps: Deps, actor: Actor): Promise<{ items: EmailAccount[]; nextCursor: string | null }> {
  authorize(actor, 'email.manage');
  const rows = await deps.db.selectFrom('email_accounts').selectAll().orderBy('address').execute();
  return { items: rows.map(presentAccount), nextCursor: null };
}

export async function showAccount(deps: Deps, actor: Actor, input: { account: string }): Promise<EmailAccount> {
  authorize(actor, 'email.manage');
  return presentAccount(await findAccount(deps.db, input.account));
}

export async function removeAccount(deps: Deps, actor: Actor, input: { account: string }): Promise<EmailAccount> {
  authorize(actor, 'email.manage');
  return deps.db.transaction().execute(async (trx) => {
    const row = await findAccount(trx, input.account, { forUpdate: true });
    await trx.deleteFrom('email_accounts').where('id', '=', row.id).execute();
    return presentAccount(row);
  });
}
