import type { Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { revoking } from './revocations.js';
import { hashToken } from './tokens.js';

/**
 * Ends one login: every refresh token of its family is revoked, which also refuses every access token
 * issued for it (they carry the family id). With `everywhere`, all of the user's tokens end.
 */
export async function logOut(deps: Deps, actor: Actor, input: { sessionFamily?: string; refreshToken?: string; everywhere?: boolean }): Promise<{ loggedOut: true }> {
  const now = deps.clock.now();
  await revoking(actor.id, () => deps.db.transaction().execute(async (trx) => {
    if (input.everywhere) {
      await trx.updateTable('users').set((eb) => ({ token_version: eb('token_version', '+', 1), updated_at: now })).where('id', '=', actor.id).execute();
      await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', actor.id).where('kind', '=', 'refresh').where('revoked_at', 'is', null).execute();
      return;
    }
    const families = new Set<string>();
    if (input.sessionFamily) families.add(input.sessionFamily);
    if (input.refreshToken) {
      const row = await trx.selectFrom('sessions').select('family_id').where('token_hash', '=', hashToken(input.refreshToken)).where('user_id', '=', actor.id).executeTakeFirst();
      if (row) families.add(row.family_id);
    }
    if (families.size === 0) return;
    await trx.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', actor.id).where('family_id', 'in', [...families]).where('revoked_at', 'is', null).execute();
  }));
  return { loggedOut: true };
}
