import { z } from 'zod';
import { authorize, type Actor } from '../../access/permissions.js';
import type { Deps } from '../../deps.js';
import { emailSchema, parseInput } from '../../validation.js';
import { accountFields, inboundInput, outboundInput, presentAccount, type EmailAccount } from './account.js';
import { checkAddresses, storedSides } from './save-account.js';

export const addAccountInput = z.object({
  address: emailSchema,
  ...accountFields,
  inbound: inboundInput.default({ kind: 'webhook' }),
  outbound: outboundInput.default({ kind: 'outbox' }),
});

/** Adds a support address (admin only). The first account becomes the default. */
export async function addAccount(deps: Deps, actor: Actor, input: z.input<typeof addAccountInput>): Promise<EmailAccount> {
  authorize(actor, 'email.manage');
  const data = parseInput(addAccountInput, input);
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    const any = await trx.selectFrom('email_accounts').select('id').limit(1).executeTakeFirst();
    const isDefault = data.isDefault ?? !any;
    const aliases = [...new Set((data.aliases ?? []).map((a) => a.toLowerCase()))];
    await checkAddresses(trx, { id: null, address: data.address, aliases, isDefault });
    const row = await trx
      .insertInto('email_accounts')
      .values({ address: data.address, display_name: data.displayName ?? null, aliases, is_default: isDefault, is_active: data.isActive ?? true, ...storedSides(deps, data.inbound, data.outbound), created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return presentAccount(row);
  });
}
