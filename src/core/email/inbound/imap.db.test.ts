import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.js';
import { startDovecot, type Dovecot } from '../../../../test/support/dovecot.js';
import { pollAccountOnce } from './imap-poller.js';
import { appendMails, numberedMail, recreateFolder } from '../../../../test/support/imap-mail.js';

const t = useTestDatabase();
let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  await dovecot?.stop();
});

async function account(folder: string) {
  const admin = await t.user('admin');
  await t.services.email.accounts.add(admin, { address: 'support@desk.test', inbound: { kind: 'imap', host: '127.0.0.1', port: dovecot.port, tls: false, user: dovecot.user, password: dovecot.password, mailbox: folder } });
  return t.db.selectFrom('email_accounts').selectAll().executeTakeFirstOrThrow();
}

describe('acceptance 2: IMAP against a real Dovecot', () => {
  it('turns appended mail into tickets, checkpointed by UIDVALIDITY and last UID', async () => {
    const folder = `Poll${Date.now()}`;
    const row = await account(folder);
    await appendMails(dovecot, folder, [1, 2, 3].map((n) => numberedMail(n, folder)));
    const first = await pollAccountOnce(t.deps, row);
    expect(first).toMatchObject({ ok: true, fetched: 3, decisions: { new_ticket: 3 }, error: null });
    expect(await t.db.selectFrom('tickets').select('source').execute()).toEqual([{ source: 'email' }, { source: 'email' }, { source: 'email' }]);
    const checkpoint = await t.db.selectFrom('email_checkpoints').selectAll().executeTakeFirstOrThrow();
    expect(checkpoint).toMatchObject({ mailbox: folder, last_uid: '3', backlog: 0, last_error: null });
    expect(checkpoint.uid_validity).toMatch(/^\d+$/);
    await appendMails(dovecot, folder, [numberedMail(4, folder)]);
    expect(await pollAccountOnce(t.deps, row)).toMatchObject({ fetched: 1, decisions: { new_ticket: 1 } });
    expect(await pollAccountOnce(t.deps, row)).toMatchObject({ fetched: 0 });
  });

  it('re-syncs after a UIDVALIDITY change without duplicates', async () => {
    const folder = `Resync${Date.now()}`;
    const row = await account(folder);
    const mails = [1, 2, 3].map((n) => numberedMail(n, folder));
    await appendMails(dovecot, folder, mails);
    await pollAccountOnce(t.deps, row);
    const before = await t.db.selectFrom('email_checkpoints').select('uid_validity').executeTakeFirstOrThrow();
    await recreateFolder(dovecot, folder);
    await appendMails(dovecot, folder, [...mails, numberedMail(4, folder)]);
    const after = await pollAccountOnce(t.deps, row);
    expect(after).toMatchObject({ ok: true, resynced: true, fetched: 4, decisions: { duplicate: 3, new_ticket: 1 } });
    expect(await t.db.selectFrom('tickets').select('id').execute()).toHaveLength(4);
    expect((await t.db.selectFrom('email_checkpoints').select('uid_validity').executeTakeFirstOrThrow()).uid_validity).not.toBe(before.uid_validity);
  });

  it('reports a wrong password as a clear error in the status, never a crash', async () => {
    const admin = await t.user('admin');
    await t.services.email.accounts.add(admin, { address: 'bad@desk.test', inbound: { kind: 'imap', host: '127.0.0.1', port: dovecot.port, tls: false, user: dovecot.user, password: 'wrong' } });
    const row = await t.db.selectFrom('email_accounts').selectAll().executeTakeFirstOrThrow();
    const report = await pollAccountOnce(t.deps, row);
    expect(report.ok).toBe(false);
    expect(report.error).toMatch(/^login refused: wrong user or password/);
    const tested = await t.services.email.accounts.test(admin, 'bad@desk.test');
    expect(tested.checks[0]).toMatchObject({ side: 'inbound', step: 'login', ok: false });
  });
});
