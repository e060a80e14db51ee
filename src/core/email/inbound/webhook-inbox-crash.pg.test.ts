import { spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../../test/support/db.js';

const SECRET = 'webhook-shared-secret-0123456789';
const t = useTestDatabase({ config: { 'email.webhookSecret': SECRET } });

/** Runs the inbox processor in its own process; resolves with its output lines when it exits, or is killed at `killAfter` lines. */
function runProcessor(killAfter?: number): Promise<{ lines: string[]; signal: NodeJS.Signals | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/inbox-process-child.ts', t.url!, t.deps.config.secretKey!, '1'], { stdio: ['ignore', 'pipe', 'inherit'] });
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

const mail = (n: number) => Buffer.from([`From: Customer ${n} <c${n}@customer.test>`, 'To: support@desk.test', `Subject: Question ${n}`, `Message-ID: <wh-${n}@customer.test>`, 'Date: Wed, 25 Nov 2026 09:00:00 +0000', '', `Hello, question number ${n}.`, ''].join('\r\n'));

describe('acceptance 5: webhook messages stored, then processed', () => {
  it('a processor SIGKILLed in the middle of 100 stored messages, then restarted: every message ingested exactly once', async () => {
    for (let n = 1; n <= 100; n += 1) {
      const body = mail(n);
      const ts = String(Math.floor(t.clock.now().getTime() / 1000));
      const signature = createHmac('sha256', SECRET).update(`${ts}.`).update(body).digest('hex');
      await t.services.email.receiveWebhook({ provider: 'raw', headers: { 'x-nexus-timestamp': ts, 'x-nexus-signature': signature }, body, mailbox: 'support@desk.test' });
    }
    expect(await t.db.selectFrom('email_inbox').select('id').where('status', '=', 'queued').execute()).toHaveLength(100);

    const killed = await runProcessor(30);
    expect(killed.signal).toBe('SIGKILL');
    const before = (await t.db.selectFrom('email_messages').select('id').where('direction', '=', 'inbound').execute()).length;
    expect(before).toBeGreaterThanOrEqual(30);
    expect(before).toBeLessThan(100);
    // Every row the killed run committed is done; nothing it had not committed is.
    expect((await t.db.selectFrom('email_inbox').select('id').where('status', '=', 'done').execute()).length).toBe(before);

    const restarted = await runProcessor();
    expect(restarted.signal).toBeNull();
    expect(restarted.lines.at(-1)).toBe('done');
    const decisions = restarted.lines.slice(0, -1).map((l) => l.split(' ')[1]);
    expect(decisions).toHaveLength(100 - before);
    expect(new Set(decisions)).toEqual(new Set(['new_ticket']));

    const rows = await t.db.selectFrom('email_messages').select('message_id').where('direction', '=', 'inbound').execute();
    expect(rows).toHaveLength(100);
    expect(new Set(rows.map((r) => r.message_id)).size).toBe(100);
    expect(await t.db.selectFrom('tickets').select('id').execute()).toHaveLength(100);
    expect(await t.db.selectFrom('messages').select('id').execute()).toHaveLength(100);
    expect(await t.db.selectFrom('email_inbox').select('id').where('status', '<>', 'done').execute()).toHaveLength(0);
  }, 180_000);
});
