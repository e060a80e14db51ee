import bcrypt from 'bcrypt';
import { z } from 'zod';

export const PASSWORD_MIN_BYTES = 8;
/** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
export const PASSWORD_MAX_BYTES = 72;
export const DEFAULT_BCRYPT_COST = 12;

export const passwordSchema = z
  .string()
  .refine((value) => Buffer.byteLength(value, 'utf8') >= PASSWORD_MIN_BYTES, `must be at least ${PASSWORD_MIN_BYTES} bytes`)
  .refine((value) => Buffer.byteLength(value, 'utf8') <= PASSWORD_MAX_BYTES, `must be at most ${PASSWORD_MAX_BYTES} bytes (bcrypt's limit)`);

export function hashPassword(password: string, cost: number = DEFAULT_BCRYPT_COST): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

// Compared against when the account does not exist, so unknown emails take as long as known ones.
let dummyHash: Promise<string> | undefined;
export async function burnPasswordCheck(password: string, cost: number): Promise<void> {
  dummyHash ??= bcrypt.hash('nexus-timing-equaliser', cost);
  await bcrypt.compare(password, await dummyHash);
}
