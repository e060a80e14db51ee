import type { render } from 'ink-testing-library';

type Rendered = ReturnType<typeof render>;

/** One turn of the event loop: lets React flush effects so `useInput` is subscribed again. */
export const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Polls the last frame until `predicate` holds, to a deadline; fails with the frame it saw. */
export async function waitForFrame(app: Rendered, predicate: (frame: string) => boolean, timeoutMs = 5000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const frame = app.lastFrame() ?? '';
    if (predicate(frame)) {
      await tick();
      return frame;
    }
    if (Date.now() > deadline) throw new Error(`frame never matched within ${timeoutMs} ms; last frame:\n${frame}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export const waitForText = (app: Rendered, text: string, timeoutMs?: number) => waitForFrame(app, (f) => f.includes(text), timeoutMs);

/** Types keys one press at a time, yielding after each so every press meets a subscribed handler. */
export async function press(app: Rendered, ...keys: string[]): Promise<void> {
  for (const key of keys) {
    app.stdin.write(key);
    await tick();
    await tick();
  }
}

export const KEYS = { enter: '\r', escape: '\u001b', down: '\u001b[B', up: '\u001b[A', ctrlS: '\u0013', ctrlC: '\u0003', backspace: '\u007f', tab: '\t' };
