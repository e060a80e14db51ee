import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { NexusError } from '../core/errors.js';
import { CliContext } from './context.js';
import { confirm, PromptInterrupted } from './prompt.js';

function terminal(isTTY: boolean) {
  const stdin = Object.assign(new PassThrough(), { isTTY, setRawMode: () => undefined });
  const stdout = Object.assign(new PassThrough(), { isTTY });
  const stderr = Object.assign(new PassThrough(), { isTTY });
  let err = '';
  stderr.on('data', (d) => (err += d));
  const ctx = new CliContext({ stdin, stdout, stderr, env: {} });
  return { ctx, stdin, stderr: () => err };
}

describe('confirmation before irreversible actions (issue 8 item 12)', () => {
  it('Given a terminal, when the answer is no, then it is cancelled and says how to skip the question', async () => {
    const { ctx, stdin, stderr } = terminal(true);
    const asked = confirm(ctx, {}, 'Purge #1001 for good?');
    stdin.write('n\r');
    const error = await asked.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NexusError);
    expect((error as NexusError).hint).toContain('--yes');
    expect(stderr()).toContain('Purge #1001 for good? [y/N]');
  });

  it('Given a terminal, when the answer is yes, then it goes ahead', async () => {
    const { ctx, stdin } = terminal(true);
    const asked = confirm(ctx, {}, 'Disable ana@example.com?');
    stdin.write('yes\r');
    await expect(asked).resolves.toBeUndefined();
  });

  it('Given --yes, or no terminal (a script), then nothing is asked', async () => {
    const tty = terminal(true);
    await expect(confirm(tty.ctx, { yes: true }, 'Purge?')).resolves.toBeUndefined();
    expect(tty.stderr()).toBe('');
    const script = terminal(false);
    await expect(confirm(script.ctx, {}, 'Purge?')).resolves.toBeUndefined();
  });

  it('Given a prompt, when Ctrl-C is pressed, then it ends with PromptInterrupted (exit 130, no message)', async () => {
    const { ctx, stdin } = terminal(true);
    const asked = confirm(ctx, {}, 'Purge?');
    stdin.write('\x03');
    await expect(asked).rejects.toBeInstanceOf(PromptInterrupted);
  });
});
