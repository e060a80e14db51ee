import type { Kysely, Transaction } from 'kysely';
import type { DB } from '../../db/schema.js';
import { resolveMailbox, type Mailbox } from '../accounts/resolve-mailbox.js';
import { loadTemplate, type TemplateKey, type TemplateText } from '../templates/templates.js';

/**
 * What stays the same for every message of one delivery — a replay command's files, one IMAP pass,
 * one run of the webhook inbox: the mailbox an address resolves to and the templates. Read once per
 * batch instead of once per message; a new batch (the next poll) sees an admin's edits.
 */
export interface IntakeBatch {
  mailbox(db: Kysely<DB> | Transaction<DB>, address: string): Promise<Mailbox>;
  template(db: Kysely<DB> | Transaction<DB>, key: TemplateKey): Promise<TemplateText>;
}

export function newIntakeBatch(): IntakeBatch {
  const mailboxes = new Map<string, Promise<Mailbox>>();
  const templates = new Map<TemplateKey, TemplateText>();
  return {
    mailbox(db, address) {
      const key = address.trim().toLowerCase();
      let found = mailboxes.get(key);
      if (!found) {
        found = resolveMailbox(db, key);
        found.catch(() => mailboxes.delete(key));
        mailboxes.set(key, found);
      }
      return found;
    },
    async template(db, key) {
      // Read inside the caller's transaction; kept only once read (a failed read is not cached).
      const cached = templates.get(key);
      if (cached) return cached;
      const loaded = await loadTemplate(db, key);
      templates.set(key, loaded);
      return loaded;
    },
  };
}
