import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { MailTransport, OutgoingMail, SentMail } from './mail-transport.js';

/**
 * The embedded default transport: every mail becomes `<dataDir>/outbox/<time>-<id>.json`, which
 * `nexus email outbox` lists. Nothing leaves the machine until a real transport is configured.
 */
export function outboxTransport(dir: string, now: () => Date = () => new Date()): MailTransport {
  return {
    async send(mail: OutgoingMail) {
      await mkdir(dir, { recursive: true, mode: 0o700 });
      const sentAt = now();
      const id = randomUUID();
      const entry: SentMail = { id, sentAt: sentAt.toISOString(), from: mail.from ?? 'Nexus <no-reply@localhost>', to: mail.to, subject: mail.subject, text: mail.text, headers: mail.headers ?? {} };
      const name = `${sentAt.toISOString().replace(/[:.]/g, '-')}-${id}.json`;
      // Written under a temporary name first, so a reader never sees half a mail.
      await writeFile(join(dir, `.${name}.tmp`), `${JSON.stringify(entry, null, 2)}\n`, { mode: 0o600 });
      await rename(join(dir, `.${name}.tmp`), join(dir, name));
      return { id };
    },
  };
}

/** The mails in an outbox folder, oldest first. A missing folder is an empty outbox. */
export async function readOutbox(dir: string): Promise<SentMail[]> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((name) => name.endsWith('.json') && !name.startsWith('.')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const mails = await Promise.all(names.map(async (name) => JSON.parse(await readFile(join(dir, name), 'utf8')) as SentMail));
  return mails;
}
