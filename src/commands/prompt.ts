import { createInterface } from 'node:readline/promises';
import { Writable } from 'node:stream';
import type { CliContext } from './context.js';

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
  try {
    const answer = rl.question(question);
    muted = Boolean(options.secret);
    const value = await answer;
    if (options.secret) ctx.io.stderr.write('\n');
    return value;
  } finally {
    rl.close();
  }
}
