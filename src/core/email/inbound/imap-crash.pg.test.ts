import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.js';
import { startDovecot, type Dovecot } from '../../../../test/support/dovecot.js';
import { appendMails, numberedMail } from '../../../../test/support/imap-mail.js';

const t = useTestDatabase();
let dovecot: Dovecot;
beforeAll(async () => {
  dovecot = await startDovecot();
});
afterAll(async () => {
  await dovecot?.stop();
});

/** Runs the poller in its own process; resolves with its output lines when it exits, or is killed at `killAfter` lines. */
function runPoller(accountId: string, killAfter?: number): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/imap-poll-child.ts', t.url!, accountId, t.deps.config.secretKey!], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: string[] = [];
  let buffer = '';
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    lines.push(...parts);
    if (killAfter !== undefined && lines.length >= killAfter && child.exitCode === null) child.kill('SIGKILL');
  });
  return new Promise((resolve) => child.on('exit', (_code, signal) => resolve({ lines, signal })));
}

describe('acceptance 2: a poller killed mid-batch', () => {
  it('SIGKILL in the middle of a 200-message batch, then a restart: every message ingested exactly once', async () => {
    const admin = await t.user('admin');
    const folder = `Crash${Date.now()}`;
    const account = await t.services.email.accounts.add(admin, { address: 'support@desk.test', inbound: { kind: 'imap', host: '127.0.0.1', port: dovecot.port, tls: false, user: dovecot.user, password: dovecot.password, mailbox: folder } });
    await appendMails(dovecot, folder, Array.from({ length: 200 }, (_, i) => numberedMail(i + 1, folder)));

    const killed = await runPoller(account.id, 60);
    expect(killed.signal).toBe('SIGKILL');
    const ingestedBeforeKill = (await t.db.selectFrom('email_messages').select('id').where('direction', '=', 'inbound').execute()).length;
    expect(ingestedBeforeKill).toBeGreaterThanOrEqual(60);
    expect(ingestedBeforeKill).toBeLessThan(200);

    const restarted = await runPoller(account.id);
    expect(restarted.signal).toBeNull();
    expect(restarted.lines.at(-1)).toMatch(/^done .*"ok":true/);
    const decisions = restarted.lines.filter((l) => /^\d+ /.test(l)).map((l) => l.split(' ')[1]);
    // The restart starts after the checkpoint: nothing before it is fetched again.
    expect(decisions.length).toBe(200 - ingestedBeforeKill);
    expect(new Set(decisions)).toEqual(new Set(['new_ticket']));

    const rows = await t.db.selectFrom('email_messages').select('message_id').where('direction', '=', 'inbound').execute();
    expect(rows).toHaveLength(200);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(200);
    expect(await t.db.selectFrom('tickets').select('id').execute()).toHaveLength(200);
    expect(await t.db.selectFrom('messages').select('id').execute()).toHaveLength(200);
    expect(await t.db.selectFrom('email_checkpoints').select('last_uid').executeTakeFirstOrThrow()).toEqual({ last_uid: '200' });
  }, 180_000);
});
