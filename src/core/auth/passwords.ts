import { createRequire } from 'node:module';
import bcrypt from 'bcrypt';
import { z } from 'zod';

export const PASSWORD_MIN_BYTES = 8;
/** bcrypt reads at most 72 bytes; longer passwords are refused rather than silently truncated. */
export const PASSWORD_MAX_BYTES = 72;
export const DEFAULT_BCRYPT_COST = 12;

let common: Set<string> | undefined;
/**
 * One of the ~49,000 most common passwords (zxcvbn-ts's maintained list, case-insensitive). Loaded on
 * first use only: most commands never set a password.
 */
export function isCommonPassword(password: string): boolean {
  if (!common) {
    const { dictionary } = createRequire(import.meta.url)('@zxcvbn-ts/language-common') as { dictionary: Record<string, string[]> };
    common = new Set(dictionary['passwords-common']);
  }
  return common.has(password.toLowerCase());
}

export const passwordSchema = z
  .string()
  .refine((value) => Buffer.byteLength(value, 'utf8') >= PASSWORD_MIN_BYTES, `must be at least ${PASSWORD_MIN_BYTES} bytes`)
  .refine((value) => Buffer.byteLength(value, 'utf8') <= PASSWORD_MAX_BYTES, `must be at most ${PASSWORD_MAX_BYTES} bytes (bcrypt's limit)`)
  .refine((value) => !isCommonPassword(value), 'is one of the most common passwords; choose another');

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
