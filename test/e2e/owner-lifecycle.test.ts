import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../support/cli.js';

// Issue 9, items 4 and 5: the background owner as a user meets it — told once, seen and stopped with
// `nexus owner`, gone with its folder, replaced when it dies under commands, never refusing a command.
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    const state = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]![0];
    return state !== 'Z';
  } catch {
    return false;
  }
};

async function until(check: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (check()) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return check();
}

describe('the background owner, as a user meets it', { timeout: 180_000 }, () => {
  const box = new CliSandbox({ NEXUS_EMBEDDED_OWNER: 'background', NEXUS_OWNER_IDLE_SECONDS: '120' });
  const dataDir = box.env.NEXUS_DATA_DIR!;
  const lock = () => {
    try {
      return JSON.parse(readFileSync(join(dataDir, 'nexus.lock'), 'utf8')) as { pid: number; command: string };
    } catch {
      return null;
    }
  };
  const pids = new Set<number>();
  afterAll(() => {
    for (const pid of pids) if (alive(pid)) process.kill(pid, 'SIGKILL');
    box.cleanup();
  });

  it('Given a new desk, when the first command starts the owner, then stderr says so once, with how to stop it', async () => {
    box.initFromTemplate();
    const first = await box.run(['whoami', '--json']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('started a background process');
    expect(first.stderr).toContain('nexus owner stop');
    pids.add(lock()!.pid);
    const second = await box.run(['whoami', '--json']);
    expect(second.stderr).not.toContain('background process');
  });

  it('Given a running owner, then `nexus owner status --json` shows it and `nexus owner stop --json` ends it', async () => {
    const status = await box.run(['owner', 'status', '--json']);
    expect(status.code).toBe(0);
    const shown = status.json<{ running: boolean; pid: number; command: string }>();
    expect(shown).toMatchObject({ running: true, command: 'nexus owner (background)' });
    const stopped = await box.run(['owner', 'stop', '--json']);
    expect(stopped.json()).toMatchObject({ stopped: true, pid: shown.pid });
    expect(alive(shown.pid)).toBe(false);
    expect((await box.run(['owner', 'status', '--json'])).json()).toMatchObject({ running: false, pid: null });
    // Started again later: not announced a second time.
    const again = await box.run(['whoami']);
    expect(again.code).toBe(0);
    expect(again.stderr).not.toContain('background process');
    pids.add(lock()!.pid);
  });

  it('Given 24 commands at once (more than the old 16 socket slots), then every one succeeds', async () => {
    const results = await Promise.all(Array.from({ length: 24 }, () => box.run(['whoami', '--json'])));
    expect(results.map((r) => r.code)).toEqual(Array(24).fill(0));
    expect(results.filter((r) => r.stderr.includes('EPIPE'))).toHaveLength(0);
  });

  it('Given the owner is killed while commands run, then each command succeeds on a fresh owner or fails with error:/hint: and no stack trace', async () => {
    const owner = lock()!.pid;
    const running = Array.from({ length: 8 }, () => box.run(['tickets', 'list']));
    process.kill(owner, 'SIGKILL');
    const results = await Promise.all(running);
    for (const r of results) {
      if (r.code !== 0) {
        console.log(`exit ${r.code}: ${r.stderr}`);
        expect(r.stderr).toMatch(/^error: /m);
        expect(r.stderr).toMatch(/^hint: /m);
      }
      expect(r.stderr).not.toMatch(/^\s+at /m);
    }
    const succeeded = results.filter((r) => r.code === 0).length;
    console.log(`owner killed under 8 commands: ${succeeded} succeeded`);
    expect(succeeded).toBe(8);
    const after = await box.run(['tickets', 'list', '--json']);
    expect(after.code).toBe(0);
    pids.add(lock()!.pid);
  });

  it('Given its data folder is deleted, then the owner ends by itself and a new desk in its place is left alone', async () => {
    const owner = lock()!.pid;
    expect(alive(owner)).toBe(true);
    rmSync(dataDir, { recursive: true, force: true });
    expect(await until(() => !alive(owner), 20_000)).toBe(true);
    expect(existsSync(join(dataDir, 'nexus.lock'))).toBe(false);
  });
});
