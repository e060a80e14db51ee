import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import { NexusError } from '../core/errors.js';
import type { CliContext } from './context.js';

/** Ctrl-C at a prompt: the CLI exits 130 without a message (see cli.ts). */
export class PromptInterrupted extends Error {
  constructor() {
    super('interrupted at a prompt');
    this.name = 'PromptInterrupted';
  }
}

/** Asks one question on the terminal; `secret` hides what is typed. Only call when ctx.canPrompt. */
export async function ask(ctx: CliContext, question: string, options: { secret?: boolean } = {}): Promise<string> {
  let muted = false;
  const output = new Writable({
    write(chunk, _enc, done) {
      if (!muted) ctx.io.stderr.write(chunk);
      done();
    },
  });
  const rl = createInterface({ input: ctx.io.stdin, output, terminal: true });
  const interrupted = new Promise<never>((_resolve, reject) => rl.once('SIGINT', () => reject(new PromptInterrupted())));
  try {
    const answer = rl.question(question);
    muted = Boolean(options.secret);
    const value = await Promise.race([answer, interrupted]);
    if (options.secret) ctx.io.stderr.write('\n');
    return value;
  } finally {
    rl.close();
  }
}

/**
 * Asks before an irreversible action (purge, disable, demoting yourself). On a terminal without `--yes`
 * the answer must be yes; scripts (no terminal, or `--no-input`) and `--yes` go ahead.
 */
export async function confirm(ctx: CliContext, flags: { yes?: boolean }, question: string): Promise<void> {
  if (flags.yes || !ctx.canPrompt) return;
  const answer = (await ask(ctx, `${question} [y/N] `)).trim().toLowerCase();
  if (answer !== 'y' && answer !== 'yes') throw new NexusError('INVALID_USAGE', 'Cancelled; nothing was changed', { hint: 'Pass --yes to skip the question in scripts.' });
}
