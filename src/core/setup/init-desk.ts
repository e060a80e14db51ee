import { z } from 'zod';
import { passwordSchema } from '../auth/passwords.js';
import type { Deps } from '../deps.js';
import { NexusError } from '../errors.js';
import { insertUser } from '../users/create-user.js';
import { countActiveAdmins, findUserByEmail, rowToUser, type User } from '../users/user.js';
import { emailSchema, parseInput } from '../validation.js';

export const initDeskInput = z.object({
  adminEmail: emailSchema.optional(),
  adminPassword: passwordSchema.optional(),
  adminName: z.string().trim().max(200).default('Admin'),
});

export interface InitDeskResult {
  /** The admin created now, or null when the desk already had one. */
  createdAdmin: User | null;
  /** The account to log in as after init (the new admin, or the existing one named by email). */
  admin: User | null;
  adminCount: number;
}

export async function hasAdmin(deps: Deps): Promise<boolean> {
  return (await countActiveAdmins(deps.db)) > 0;
}

/**
 * Makes the first admin of a new desk. Safe to run again: with an admin present it creates nothing and
 * says so. Later admins are made only by admins (`nexus users create --role admin`).
 */
export async function initDesk(deps: Deps, input: z.input<typeof initDeskInput>): Promise<InitDeskResult> {
  const q = parseInput(initDeskInput, input);
  const adminCount = await countActiveAdmins(deps.db);
  if (adminCount > 0) {
    const existing = q.adminEmail ? await findUserByEmail(deps.db, q.adminEmail) : undefined;
    return { createdAdmin: null, admin: existing && existing.role === 'admin' ? rowToUser(existing) : null, adminCount };
  }
  if (!q.adminEmail || !q.adminPassword) {
    throw new NexusError('VALIDATION_FAILED', 'The first admin needs an email and a password', {
      details: [
        ...(q.adminEmail ? [] : [{ path: 'adminEmail', message: 'is required' }]),
        ...(q.adminPassword ? [] : [{ path: 'adminPassword', message: 'is required' }]),
      ],
      hint: 'Pass --admin-email and --admin-password, or run `nexus init` in a terminal to be asked.',
    });
  }
  const admin = await insertUser(deps, { email: q.adminEmail, name: q.adminName, role: 'admin', password: q.adminPassword });
  return { createdAdmin: admin, admin, adminCount: 1 };
}
