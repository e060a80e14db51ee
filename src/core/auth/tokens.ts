import { createHash, randomBytes } from 'node:crypto';

/** A random, URL-safe secret token (256 bits). */
export const newToken = (): string => randomBytes(32).toString('base64url');

/** Only this hash is stored; the token itself lives with its holder. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');
