import type { Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import { NexusError } from '../../errors.js';
import { sealSecrets, splitSecrets, type AccountSecrets, type InboundInput, type OutboundInput } from './account.js';

/** Writes an account's sides: settings in the clear (with the names of the secrets set), secrets sealed. */
export function storedSides(deps: Deps, inbound: InboundInput, outbound: OutboundInput, previous?: AccountSecrets) {
  const { inboundPlain, outboundPlain, secrets } = splitSecrets(inbound, outbound, previous);
  const names = Object.keys(secrets);
  return {
    inbound: JSON.stringify({ ...inboundPlain, secretNames: names.filter((n) => n === 'imapPassword') }),
    outbound: JSON.stringify({ ...outboundPlain, secretNames: names.filter((n) => n !== 'imapPassword') }),
    secrets_enc: sealSecrets(deps.config.secretKey, secrets),
  };
}

/** One default account at most; an alias may not be another account's address or alias. */
export async function checkAddresses(trx: Transaction<DB>, input: { id: string | null; address: string; aliases: string[]; isDefault: boolean }): Promise<void> {
  for (const candidate of [input.address, ...input.aliases]) {
    const clash = await trx
      .selectFrom('email_accounts')
      .select(['address'])
      .where((eb) => eb.or([eb('address', '=', candidate), eb(eb.val(candidate), '=', eb.fn.any('aliases'))]))
      .$if(input.id !== null, (q) => q.where('id', '<>', input.id!))
      .executeTakeFirst();
    if (clash) throw new NexusError('ALREADY_EXISTS', `${candidate} already belongs to the account ${clash.address}`);
  }
  if (input.isDefault) {
    await trx.updateTable('email_accounts').set({ is_default: false }).where('is_default', '=', true).$if(input.id !== null, (q) => q.where('id', '<>', input.id!)).execute();
  }
}
