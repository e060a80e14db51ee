import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { NexusError } from '../errors.js';

/**
 * AES-256-GCM for stored credentials (mailbox passwords, provider API keys) under a key derived from
 * NEXUS_SECRET_KEY with HKDF. Format: `v1:<iv>:<tag>:<ciphertext>`, base64 each part.
 */
function keyFrom(secret: string | undefined): Buffer {
  if (!secret) {
    throw new NexusError('CONFIG_INVALID', 'Stored mail credentials need a secret key', { hint: 'Set NEXUS_SECRET_KEY (at least 32 characters); `nexus init` generates one.' });
  }
  return Buffer.from(hkdfSync('sha256', secret, 'nexus', 'nexus-email-credentials-v1', 32));
}

export function seal(secret: string | undefined, plaintext: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', keyFrom(secret), iv);
  const data = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), data.toString('base64')].join(':');
}

export function open(secret: string | undefined, sealed: string): string {
  const [version, iv, tag, data] = sealed.split(':');
  if (version !== 'v1' || !iv || !tag || data === undefined) throw new NexusError('INTERNAL', 'Stored credentials are in an unknown format');
  try {
    const decipher = createDecipheriv('aes-256-gcm', keyFrom(secret), Buffer.from(iv, 'base64'));
    decipher.setAuthTag(Buffer.from(tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new NexusError('CONFIG_INVALID', 'Stored mail credentials cannot be decrypted with this secret key', { hint: 'NEXUS_SECRET_KEY changed since the account was saved: set the passwords again with `nexus email accounts update`.' });
  }
}
