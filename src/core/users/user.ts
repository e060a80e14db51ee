import type { Kysely, Selectable } from 'kysely';
import type { Actor } from '../access/permissions.js';
import type { DB, Role, UsersTable } from '../db/schema.js';

/** The public shape of an account (JSON and API). Never carries the password hash. */
export interface User {
  id: string;
  email: string;
  /** Null when none is on file. */
  name: string | null;
  role: Role;
  isDisabled: boolean;
  hasPassword: boolean;
  createdAt: string;
}

export const ROLES = ['customer', 'agent', 'admin'] as const satisfies readonly Role[];

export function rowToUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name || null,
    role: row.role,
    isDisabled: row.is_disabled,
    hasPassword: row.password_hash !== null,
    createdAt: row.created_at.toISOString(),
  };
}

export const toActor = (row: Pick<Selectable<UsersTable>, 'id' | 'email' | 'name' | 'role'>): Actor => ({
  id: row.id,
  email: row.email,
  name: row.name,
  role: row.role,
});

export function findUserByEmail(db: Kysely<DB>, email: string) {
  return db.selectFrom('users').selectAll().where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase())).executeTakeFirst();
}

export function findUserById(db: Kysely<DB>, id: string) {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function countActiveAdmins(db: Kysely<DB>): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('role', '=', 'admin')
    .where('is_disabled', '=', false)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ends every session and invalidates every access token of a user at once. */
export async function revokeUserTokens(db: Kysely<DB>, userId: string, now: Date): Promise<void> {
  await db.updateTable('users').set((eb) => ({ token_version: eb('token_version', '+', 1), updated_at: now })).where('id', '=', userId).execute();
  await db.updateTable('sessions').set({ revoked_at: now }).where('user_id', '=', userId).where('revoked_at', 'is', null).execute();
}
