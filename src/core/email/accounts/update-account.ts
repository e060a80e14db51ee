import { z } from 'zod';
import { authorize, type Actor } from '../../access/permissions.js';
import type { Deps } from '../../deps.js';
import { emailSchema, parseInput } from '../../validation.js';
import { accountFields, inboundInput, openSecrets, outboundInput, presentAccount, type EmailAccount, type InboundInput, type OutboundInput } from './account.js';
import { findAccount } from './list-accounts.js';
import { checkAddresses, storedSides } from './save-account.js';

export const updateAccountInput = z.object({
  account: z.string().min(1),
  ...accountFields,
  /** A side given here replaces the stored one; a secret left out keeps its stored value. */
  inbound: inboundInput.optional(),
  outbound: outboundInput.optional(),
});

export async function updateAccount(deps: Deps, actor: Actor, input: z.input<typeof updateAccountInput>): Promise<EmailAccount> {
  authorize(actor, 'email.manage');
  const data = parseInput(updateAccountInput, input);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const row = await findAccount(trx, data.account, { forUpdate: true });
    const previous = openSecrets(deps.config.secretKey, row);
    const aliases = data.aliases ? [...new Set(data.aliases.map((a) => a.toLowerCase()))] : row.aliases;
    const isDefault = data.isDefault ?? row.is_default;
    await checkAddresses(trx, { id: row.id, address: row.address, aliases, isDefault });
    const inbound = data.inbound ?? (inboundInput.parse(row.inbound) as InboundInput);
    const outbound = data.outbound ?? (outboundInput.parse(row.outbound) as OutboundInput);
    const updated = await trx
      .updateTable('email_accounts')
      .set({
        display_name: data.displayName === undefined ? row.display_name : data.displayName,
        aliases,
        is_default: isDefault,
        is_active: data.isActive ?? row.is_active,
        ...storedSides(deps, inbound, outbound, previous),
        updated_at: now,
      })
      .where('id', '=', row.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return presentAccount(updated);
  });
}

export const accountRefSchema = z.object({ account: z.union([emailSchema, z.uuid()]) });
