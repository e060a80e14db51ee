import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox, NEXUS_BIN } from '../support/cli.js';
import { spawnServe, type ServeProcess } from '../support/server.js';

// The built `nexus tui` in a real terminal: tmux on a private socket, a fixed 100×30 window,
// CI=0 (under CI Ink renders no interactive frames), waits by polling the screen to a deadline.
const sandbox = new CliSandbox();
const SOCKET = `nexus-i12-e2e-${process.pid}`;
const SESSION = 'nexus-tui';
let serve: ServeProcess | undefined;

const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
const screen = () => tmux('capture-pane', '-p', '-t', SESSION);
const keys = (...k: string[]) => tmux('send-keys', '-t', SESSION, ...k);
const type = (text: string) => tmux('send-keys', '-t', SESSION, '-l', text);

async function until(predicate: (s: string) => boolean, what: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const s = screen();
    if (predicate(s)) return s;
    if (Date.now() > deadline) throw new Error(`screen never showed ${what} within ${timeoutMs} ms:\n${s}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
const showing = (text: string, timeoutMs?: number) => until((s) => s.includes(text), JSON.stringify(text), timeoutMs);

/** Starts `nexus tui` in a fresh tmux session; the shell stays after it exits so the exit code can be read. */
function startTui(extra: Record<string, string> = {}): void {
  const env = { ...sandbox.env, CI: '0', CONTINUOUS_INTEGRATION: '0', TERM: 'xterm-256color', NO_COLOR: '1', ...extra };
  const envArgs = Object.entries(env).flatMap(([k, v]) => ['-e', `${k}=${v}`]);
  const command = `${process.execPath} ${NEXUS_BIN} tui; echo TUI-EXIT=$?; exec cat`;
  killSession(); // a step that failed may have left one behind
  tmux('new-session', '-d', '-s', SESSION, '-x', '100', '-y', '30', ...envArgs, command);
}
function killSession(): void {
  try {
    tmux('kill-session', '-t', SESSION);
  } catch {
    // already gone
  }
}

async function ok(...args: string[]) {
  const result = await sandbox.run([...args, '--verbose']);
  expect(result.code, `nexus ${args.join(' ')}\n${result.stdout}\n${result.stderr}`).toBe(0);
  return result;
}

beforeAll(async () => {
  sandbox.initFromTemplate();
  await ok('tickets', 'create', '--customer', 'bo@example.com', '--subject', 'Cannot log in', '-m', 'Reset mail never arrives');
  await ok('tickets', 'create', '--customer', 'cy@example.com', '--subject', 'Printer on fire', '-m', 'Smoke everywhere', '--priority', 'urgent');
  await ok('users', 'create', '--email', 'eve@example.com', '--role', 'customer', '--password', 'desk-pass-4821');
  serve = await spawnServe(sandbox.env);
}, 120_000);

afterAll(async () => {
  killSession();
  try {
    tmux('kill-server');
  } catch {
    // no server left
  }
  await serve?.stop();
  sandbox.cleanup();
});

describe('nexus tui in a terminal (built binary, beside nexus serve)', () => {
  it('refuses without a terminal and points to tickets list', async () => {
    const result = await sandbox.run(['tui']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('needs an interactive terminal');
    expect(result.stderr).toContain('nexus tickets list');
  });

  it('opens the queue, filters, opens a ticket, replies, assigns and closes it — and the database has it all', async () => {
    startTui();
    await showing('refreshed');
    keys('4');
    await until((s) => s.includes('#1001') && s.includes('#1002'), 'both tickets');
    keys('/');
    await showing('filter:');
    type('printer');
    await until((s) => s.includes('#1002') && !s.includes('#1001') && s.includes('filter: printer'), 'the filtered queue');
    keys('Enter');
    await until((s) => s.includes('filter: printer') && !s.includes('printer▏'), 'the filter box closed');
    keys('Enter');
    await showing('Smoke everywhere');
    keys('r');
    await showing('Reply to the customer on #1002');
    type('A technician is on the way.');
    keys('C-s');
    await showing('Send this reply to the customer on #1002?');
    keys('y');
    await showing('✓ Replied on #1002');
    await showing('A technician is on the way.');
    keys('a');
    await showing('✓ Assigned #1002');
    keys('c');
    await showing('Close #1002?');
    keys('y');
    await showing('✓ Closed #1002');

    const view = (await ok('tickets', 'view', '1002', '--json')).json();
    expect(view.ticket).toMatchObject({ status: 'closed', assignee: { email: 'admin@example.com' } });
    expect(view.messages.map((m: { kind: string; body: string }) => [m.kind, m.body])).toContainEqual(['agent', 'A technician is on the way.']);
  }, 120_000);

  it('shows a ticket created by another process within 5 s, then quits and gives the terminal back', async () => {
    keys('q');
    keys('Escape');
    await until((s) => s.includes('#1001') && !s.includes('filter:'), 'the unfiltered queue');
    await ok('tickets', 'create', '--customer', 'dee@example.com', '--subject', 'Brand new from elsewhere', '-m', 'hello');
    const created = Date.now();
    await showing('Brand new from elsewhere', 5_000);
    expect(Date.now() - created).toBeLessThan(5_000);
    keys('q');
    const after = await showing('TUI-EXIT=0');
    expect(after).not.toContain('All open'); // the alternate screen is gone
    killSession();
  }, 60_000);

  it('edits a draft in $EDITOR, guards it on Ctrl-C, and restores the terminal on Ctrl-C', async () => {
    const editor = join(sandbox.root, 'editor.sh');
    writeFileSync(editor, '#!/bin/sh\nprintf "written in the editor" >> "$1"\n', { mode: 0o755 });
    startTui({ EDITOR: editor });
    await showing('refreshed');
    keys('4');
    await showing('›#1001');
    keys('n');
    await showing('Internal note on #1001');
    type('typed, then ');
    await showing('typed, then');
    keys('C-e');
    await showing('typed, then written in the editor');
    keys('C-c');
    await showing('press Ctrl+C again');
    keys('C-c');
    const after = await showing('TUI-EXIT=0');
    expect(after).not.toContain('Mine (');
    killSession();
  }, 60_000);

  it('refuses customers with exit 4', async () => {
    await sandbox.run(['login', '--email', 'eve@example.com', '--password-stdin'], { input: 'desk-pass-4821\n' });
    startTui();
    const after = await showing('TUI-EXIT=4');
    expect(after).toContain('for agents and admins');
    killSession();
  }, 60_000);
});
