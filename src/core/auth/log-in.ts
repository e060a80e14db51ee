import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { authenticate, type Credentials } from './authenticate.js';
import { assertLoginAllowed, clearAccountFailures, LOGIN_THROTTLE, recordLoginFailure } from './login-throttle.js';
import { issueTokenPair, type TokenPair } from './token-pair.js';

export interface LoginContext {
  /** The client address, for throttling. */
  address: string;
  /** A label for the session list (user agent). */
  client?: string | null;
}

/** API login: throttled per account and per address; on success a new token family. */
export async function logIn(deps: Deps, input: Credentials, context: LoginContext): Promise<TokenPair> {
  const email = typeof input?.email === 'string' ? input.email : '';
  const throttleKey = { email, address: context.address };
  await assertLoginAllowed(deps, throttleKey);
  let user;
  try {
    user = await authenticate(deps, input);
  } catch (error) {
    if (error instanceof NexusError && error.code === 'INVALID_CREDENTIALS') await recordLoginFailure(deps.db, throttleKey, deps.clock.now());
    throw error;
  }
  const now = deps.clock.now();
  return deps.db.transaction().execute(async (trx) => {
    await clearAccountFailures(trx, throttleKey, new Date(now.getTime() - LOGIN_THROTTLE.windowSeconds * 1000));
    const { token_version } = await trx.selectFrom('users').select('token_version').where('id', '=', user.id).executeTakeFirstOrThrow();
    return (await issueTokenPair(deps, trx, user, { tokenVersion: token_version, client: context.client })).pair;
  });
}
