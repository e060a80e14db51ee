import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import { hashPassword, passwordSchema } from '../auth/passwords.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { emailSchema, parseInput } from '../validation.js';
import { findUserByEmail, ROLES, rowToUser, type User } from './user.js';

export const createUserInput = z.object({
  email: emailSchema,
  name: z.string().trim().max(200).default(''),
  role: z.enum(ROLES, { message: `must be one of ${ROLES.join(', ')}` }).default('customer'),
  password: passwordSchema.optional(),
});
export type CreateUserInput = z.input<typeof createUserInput>;

/** Inserts an account without a permission check; callers decide who may (admin, init, registration). */
export async function insertUser(deps: Deps, input: z.output<typeof createUserInput>): Promise<User> {
  const passwordHash = input.password === undefined ? null : await hashPassword(input.password, deps.config.bcryptCost);
  return deps.db.transaction().execute(async (trx) => {
    if (await findUserByEmail(trx, input.email)) {
      throw new NexusError('ALREADY_EXISTS', `A user with the email ${input.email} already exists`, {
        hint: 'Use `nexus users list` to find it, or `nexus users set-role` to change its role.',
      });
    }
    const now = deps.clock.now();
    const row = await trx
      .insertInto('users')
      .values({ email: input.email, name: input.name, role: input.role, password_hash: passwordHash, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return rowToUser(row);
  });
}

/** Admin creates an account of any role. */
export async function createUser(deps: Deps, actor: Actor, input: CreateUserInput): Promise<User> {
  authorize(actor, 'users.manage');
  return insertUser(deps, parseInput(createUserInput, input));
}
