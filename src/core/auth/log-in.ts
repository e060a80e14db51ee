import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { authenticate, type Credentials } from './authenticate.js';
import { beginLoginAttempt } from './login-throttle.js';
import { issueTokenPair, type TokenPair } from './token-pair.js';

export interface LoginContext {
  /** The client address, for throttling. */
  address: string;
  /** A label for the session list (user agent). */
  client?: string | null;
}

/** API login: the attempt is counted (per account and address) before the password is checked; on success a new token family. */
export async function logIn(deps: Deps, input: Credentials, context: LoginContext): Promise<TokenPair> {
  const email = typeof input?.email === 'string' ? input.email : '';
  const attempt = await beginLoginAttempt(deps, { email, address: context.address });
  let user;
  try {
    user = await authenticate(deps, input);
  } catch (error) {
    if (error instanceof NexusError && error.code === 'INVALID_CREDENTIALS') await attempt.failed();
    else await attempt.discard();
    throw error;
  }
  return deps.db.transaction().execute(async (trx) => {
    await attempt.succeeded(trx);
    const { token_version } = await trx.selectFrom('users').select('token_version').where('id', '=', user.id).executeTakeFirstOrThrow();
    return (await issueTokenPair(deps, trx, user, { tokenVersion: token_version, client: context.client })).pair;
  });
}
