import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.js';
import { openSecrets } from './account.js';

const t = useTestDatabase();

describe('mail accounts', () => {
  it('stores passwords and API keys only encrypted (AES-256-GCM): the row holds no plaintext; show masks them', async () => {
    const admin = await t.user('admin');
    const account = await t.services.email.accounts.add(admin, {
      address: 'Support@Desk.test',
      displayName: 'Desk',
      aliases: ['help@desk.test'],
      inbound: { kind: 'imap', host: 'imap.desk.test', user: 'support', password: 'imap-PLAINTEXT-secret' },
      outbound: { kind: 'smtp', host: 'smtp.desk.test', user: 'support', password: 'smtp-PLAINTEXT-secret' },
    });
    expect(account).toMatchObject({ address: 'support@desk.test', isDefault: true, aliases: ['help@desk.test'], inbound: { kind: 'imap', password: '********', port: 993, mailbox: 'INBOX' }, outbound: { kind: 'smtp', password: '********' } });
    const { rows } = await sql<{ row: string }>`select row_to_json(a)::text as row from email_accounts a`.execute(t.db);
    expect(rows[0]!.row).not.toContain('PLAINTEXT');
    expect(rows[0]!.row).toMatch(/"secrets_enc":"v1:/);
    const stored = await t.db.selectFrom('email_accounts').selectAll().executeTakeFirstOrThrow();
    expect(openSecrets(t.deps.config.secretKey, stored)).toEqual({ imapPassword: 'imap-PLAINTEXT-secret', smtpPassword: 'smtp-PLAINTEXT-secret' });
    expect(() => openSecrets('another-secret-key-that-is-long-enough-000', stored)).toThrow(/cannot be decrypted/);
    expect(JSON.stringify(await t.services.email.accounts.list(admin))).not.toContain('PLAINTEXT');
  });

  it('updates a side without losing its stored secret, switches provider, refuses clashing aliases, removes', async () => {
    const admin = await t.user('admin');
    await t.services.email.accounts.add(admin, { address: 'a@desk.test', outbound: { kind: 'sendgrid', apiKey: 'SG.key' } });
    const b = await t.services.email.accounts.add(admin, { address: 'b@desk.test' });
    expect(b.isDefault).toBe(false);
    const updated = await t.services.email.accounts.update(admin, { account: 'a@desk.test', displayName: 'A', outbound: { kind: 'sendgrid' } });
    expect(updated.outbound).toMatchObject({ kind: 'sendgrid', apiKey: '********' });
    const row = await t.db.selectFrom('email_accounts').selectAll().where('address', '=', 'a@desk.test').executeTakeFirstOrThrow();
    expect(openSecrets(t.deps.config.secretKey, row)).toEqual({ sendgridApiKey: 'SG.key' });
    await expect(t.services.email.accounts.update(admin, { account: 'b@desk.test', aliases: ['a@desk.test'] })).rejects.toMatchObject({ code: 'ALREADY_EXISTS' });
    const defaulted = await t.services.email.accounts.update(admin, { account: 'b@desk.test', isDefault: true });
    expect(defaulted.isDefault).toBe(true);
    expect((await t.services.email.accounts.show(admin, 'a@desk.test')).isDefault).toBe(false);
    await t.services.email.accounts.remove(admin, 'b@desk.test');
    await expect(t.services.email.accounts.show(admin, 'b@desk.test')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('is admin only', async () => {
    const agent = await t.user('agent');
    await expect(t.services.email.accounts.list(agent)).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});
