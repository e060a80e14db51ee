import type { Deps } from '../deps.js';

/** Reset mails allowed per hour: per account (email asked for) and per client address. */
export const RESET_MAIL_CAP = { windowSeconds: 3600, perAccount: 3, perAddress: 10 } as const;

/**
 * Counts a reset request against its account and its address and says whether a mail may go out:
 * only while fewer than the cap arrived before it in the window (a burst still mails the first few). Unknown emails are counted the same way, so the cap tells nothing about which exist.
 */
export async function mayMailReset(deps: Deps, request: { email: string; address?: string }): Promise<boolean> {
  const now = deps.clock.now();
  const since = new Date(now.getTime() - RESET_MAIL_CAP.windowSeconds * 1000);
  const account = request.email.slice(0, 300);
  const address = (request.address ?? 'unknown').slice(0, 300) || 'unknown';
  const mine = await deps.db
    .insertInto('login_attempts')
    .values([
      { scope: 'reset_account', subject: account, created_at: now },
      { scope: 'reset_address', subject: address, created_at: now },
    ])
    .returning(['id', 'scope'])
    .execute();
  const myId = (scope: string) => mine.find((row) => row.scope === scope)!.id;
  // Requests counted before this one (by their order of arrival), and this one.
  const count = async (scope: 'reset_account' | 'reset_address', subject: string) =>
    Number(
      (
        await deps.db
          .selectFrom('login_attempts')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .where('scope', '=', scope)
          .where('subject', '=', subject)
          .where('created_at', '>', since)
          .where('id', '<=', myId(scope))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const [byAccount, byAddress] = await Promise.all([count('reset_account', account), count('reset_address', address)]);
  return byAccount <= RESET_MAIL_CAP.perAccount && byAddress <= RESET_MAIL_CAP.perAddress;
}
