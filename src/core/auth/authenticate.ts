import { z } from 'zod';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { findUserByEmail, rowToUser, type User } from '../users/user.js';
import { emailSchema, parseInput } from '../validation.js';
import { burnPasswordCheck, PASSWORD_MAX_BYTES, verifyPassword } from './passwords.js';

export const credentialsInput = z.object({ email: emailSchema, password: z.string().min(1, 'is required').max(1024) });
export type Credentials = z.input<typeof credentialsInput>;

const invalid = () =>
  new NexusError('INVALID_CREDENTIALS', 'Wrong email or password', { hint: 'Check both and try again; an admin can reset a password.' });

/** Checks email and password. Unknown emails cost the same bcrypt work and get the same answer. */
export async function authenticate(deps: Deps, input: Credentials): Promise<User> {
  const { email, password } = parseInput(credentialsInput, input);
  // bcrypt reads only the first 72 bytes: a longer password would match on its prefix. No stored
  // password is that long (they are refused when set), so a longer one is simply wrong.
  const tooLong = Buffer.byteLength(password, 'utf8') > PASSWORD_MAX_BYTES;
  const row = await findUserByEmail(deps.db, email);
  if (!row || row.password_hash === null || tooLong) {
    await burnPasswordCheck(password, deps.config.bcryptCost);
    throw invalid();
  }
  if (!(await verifyPassword(password, row.password_hash))) throw invalid();
  if (row.is_disabled) throw new NexusError('ACCOUNT_DISABLED', `The account ${row.email} is disabled`, { hint: 'Ask an admin to enable it.' });
  return rowToUser(row);
}
