import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from 'ink';
import { App } from './app.js';
import type { TuiDesk } from './desk.js';

export interface RunTuiOptions {
  desk: TuiDesk;
  env: Record<string, string | undefined>;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  savedSearch: string | null;
  pollMs: number;
}

const ENTER_ALT_SCREEN = '\u001b[?1049h\u001b[H';
const LEAVE_ALT_SCREEN = '\u001b[?1049l';
const SHOW_CURSOR = '\u001b[?25h';

/**
 * Runs the TUI full-screen until the user quits. The alternate screen is ours to switch off, so it
 * is restored on every way out: quit, Ctrl+C, SIGTERM/SIGHUP and a crash.
 */
export async function runTui(options: RunTuiOptions): Promise<void> {
  const { stdout, stdin } = options;
  let restored = false;
  const restore = () => {
    if (restored) return;
    restored = true;
    stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
  };
  const onSignal = (signal: NodeJS.Signals) => {
    instance.unmount();
    restore();
    process.kill(process.pid, signal);
  };
  const onCrash = (error: unknown) => {
    instance.unmount();
    restore();
    process.stderr.write(`nexus tui crashed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  };

  const openEditor = async (text: string): Promise<string | null> => {
    const editor = options.env.VISUAL || options.env.EDITOR;
    if (!editor) return null;
    const dir = mkdtempSync(join(tmpdir(), 'nexus-draft-'));
    const file = join(dir, 'draft.md');
    try {
      writeFileSync(file, text, { mode: 0o600 });
      // Hand the terminal over: cooked mode and the normal screen while the editor runs.
      stdin.setRawMode?.(false);
      stdout.write(LEAVE_ALT_SCREEN + SHOW_CURSOR);
      const result = spawnSync(editor, [file], { stdio: 'inherit', shell: true });
      stdout.write(ENTER_ALT_SCREEN);
      stdin.setRawMode?.(true);
      instance.clear();
      return result.status === 0 ? readFileSync(file, 'utf8').replace(/\n$/, '') : null;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  };

  stdout.write(ENTER_ALT_SCREEN);
  process.on('exit', restore);
  process.once('SIGTERM', onSignal);
  process.once('SIGHUP', onSignal);
  process.on('uncaughtException', onCrash);
  const instance = render(
    <App desk={options.desk} env={options.env} columns={stdout.columns || 80} rows={stdout.rows || 24} savedSearch={options.savedSearch} pollMs={options.pollMs} openEditor={openEditor} />,
    { stdout, stdin, exitOnCtrlC: false, patchConsole: true },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    instance.cleanup();
    restore();
    process.off('exit', restore);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('uncaughtException', onCrash);
  }
}
