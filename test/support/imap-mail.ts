import { ImapFlow } from 'imapflow';

/** Test helper: a raw customer mail with a unique Message-ID. */
export const numberedMail = (n: number, prefix = 'imap'): string =>
  [`From: Customer ${n} <c${n}@customer.test>`, 'To: support@desk.test', `Subject: Question ${n}`, `Message-ID: <${prefix}-${n}@customer.test>`, 'Date: Mon, 23 Nov 2026 10:00:00 +0000', 'Content-Type: text/plain; charset=utf-8', '', `Body of question ${n}.`, ''].join('\r\n');

/** Appends messages to a folder of the test server (creating it when missing). */
export async function appendMails(settings: { port: number; user: string; password: string }, folder: string, mails: string[]): Promise<void> {
  const client = new ImapFlow({ host: '127.0.0.1', port: settings.port, secure: false, auth: { user: settings.user, pass: settings.password }, logger: false });
  client.on('error', () => {});
  await client.connect();
  try {
    if (folder !== 'INBOX') await client.mailboxCreate(folder).catch(() => {});
    for (const mail of mails) await client.append(folder, mail);
  } finally {
    await client.logout();
  }
}

/** Deletes and re-creates a folder: the server gives it a new UIDVALIDITY. */
export async function recreateFolder(settings: { port: number; user: string; password: string }, folder: string): Promise<void> {
  const client = new ImapFlow({ host: '127.0.0.1', port: settings.port, secure: false, auth: { user: settings.user, pass: settings.password }, logger: false });
  client.on('error', () => {});
  await client.connect();
  try {
    await client.mailboxDelete(folder);
    await client.mailboxCreate(folder);
  } finally {
    await client.logout();
  }
}
