import { z } from 'zod';
import type { Deps } from '../deps.js';
import { insertUser } from '../users/create-user.js';
import { emailSchema, parseInput } from '../validation.js';
import { passwordSchema } from './passwords.js';
import { issueTokenPair, type TokenPair } from './token-pair.js';

export const registerInput = z.strictObject({
  email: emailSchema,
  password: passwordSchema,
  name: z.string().trim().max(200).default(''),
});
export type RegisterInput = z.input<typeof registerInput>;

/** Self-service sign-up through the API: always a customer, logged in at once. */
export async function registerCustomer(deps: Deps, input: RegisterInput, context: { client?: string | null } = {}): Promise<TokenPair> {
  const { email, password, name } = parseInput(registerInput, input);
  const user = await insertUser(deps, { email, password, name, role: 'customer' });
  return (await issueTokenPair(deps, deps.db, user, { tokenVersion: 0, client: context.client })).pair;
}
