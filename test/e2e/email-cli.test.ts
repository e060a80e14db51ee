import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../support/cli.js';
import { fixturePath, sharedCorpusAvailable } from '../support/fixtures.js';

const sandbox = new CliSandbox();
afterAll(() => sandbox.cleanup());

async function ok(...args: string[]) {
  const result = await sandbox.run([...args, '--verbose']);
  expect(result.code, `nexus ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

// Reads two mails of the shared corpus: absent in a plain clone (skipped with the reason printed).
const hasEmailDev = sharedCorpusAvailable('email-dev');

describe('nexus email (built binary)', () => {
  it.skipIf(!hasEmailDev)('ingests .eml files in order, manages an account with masked secrets, shows status, outbox and templates', async () => {
    sandbox.initFromTemplate();
    const dir = fixturePath('email-dev/gmail-reply-chain');
    const ingested = await ok('email', 'ingest', join(dir, '01.eml'), join(dir, '02.eml'), '--mailbox', 'support@example.com', '--json');
    expect(ingested.json()).toEqual({
      items: [
        expect.objectContaining({ file: '01.eml', decision: 'new_ticket', ticketNumber: 1001, autoReply: true }),
        expect.objectContaining({ file: '02.eml', decision: 'same_ticket', ticketNumber: 1001, autoReply: false }),
      ],
      nextCursor: null,
    });
    const again = await ok('email', 'ingest', join(dir, '02.eml'), '--mailbox', 'support@example.com', '--json');
    expect(again.json().items[0]).toMatchObject({ decision: 'duplicate', ticketNumber: null, autoReply: false });

    const added = await ok('email', 'accounts', 'add', 'support@example.com', '--alias', 'help@example.com', '--smtp-host', 'smtp.example.com', '--smtp-user', 'support', '--smtp-password', 'very-secret-smtp', '--json');
    expect(added.json()).toMatchObject({ address: 'support@example.com', isDefault: true, outbound: { kind: 'smtp', password: '********' } });
    expect(added.stdout).not.toContain('very-secret-smtp');
    expect((await ok('email', 'accounts', 'list')).stdout).toContain('support@example.com');

    const outbox = await ok('email', 'outbox', '--json');
    expect(outbox.json()).toMatchObject({ items: [{ kind: 'ack', status: 'queued', ticketNumber: 1001, to: 'anna.kowalczyk@mailbox.example.net' }], nextCursor: null });
    const status = await ok('email', 'status', '--json');
    expect(status.json()).toMatchObject({ outbox: { queued: 1, failed: 0, sent: 0 }, quarantined: [] });
    expect((await ok('email', 'templates', 'list', '--json')).json().items).toHaveLength(4);
    const preview = await ok('email', 'templates', 'preview', 'ack', '--ticket', '1001', '--json');
    expect(preview.json().subject).toBe('Re: [#1001] Thermostat shows offline since firmware update');
  }, 180_000);
});
