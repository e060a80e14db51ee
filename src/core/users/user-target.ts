import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { DB } from '../db/schema.js';
import { NexusError, notFound } from '../errors.js';
import { emailSchema } from '../validation.js';
import { findUserByEmail } from './user.js';

/** The account an admin command acts on, by email. */
export const userTarget = z.object({ email: emailSchema });

export async function loadUserByEmail(db: Kysely<DB>, email: string) {
  const row = await findUserByEmail(db, email);
  if (!row) throw notFound(`User ${email}`, 'List accounts with `nexus users list`.');
  return row;
}

export function guardLastAdmin(adminsLeft: number, what: string): void {
  if (adminsLeft < 1) {
    throw new NexusError('CONFLICT', `Cannot ${what}: it would leave the desk without an active admin`, {
      hint: 'Make another user an admin first.',
    });
  }
}
