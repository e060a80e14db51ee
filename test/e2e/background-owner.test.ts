import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../support/cli.js';
import { spawnServe } from '../support/server.js';

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
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

describe('the background owner of an embedded desk (the default)', () => {
  const box = new CliSandbox({ NEXUS_EMBEDDED_OWNER: 'background', NEXUS_OWNER_IDLE_SECONDS: '3' });
  const lockFile = join(box.env.NEXUS_DATA_DIR!, 'nexus.lock');
  const lock = () => (existsSync(lockFile) ? (JSON.parse(readFileSync(lockFile, 'utf8')) as { pid: number; command: string; socket?: string }) : null);
  afterAll(() => {
    const held = lock();
    if (held && alive(held.pid)) process.kill(held.pid, 'SIGTERM');
    box.cleanup();
  });

  it('init opens the new desk itself and leaves no owner behind', async () => {
    expect((await box.run(['init', '--admin-email', 'admin@example.com', '--admin-password', 'correct horse 1', '--no-input'])).code).toBe(0);
    expect(lock()).toBeNull();
  });

  it('the next command starts one owner that serves the folder on a socket; later commands go through it', async () => {
    const first = await box.run(['users', 'create', '--email', 'ana@example.com', '--role', 'agent', '--password', 'agent pass 1', '--json']);
    expect(first.code).toBe(0);
    const owner = lock();
    expect(owner).toMatchObject({ command: 'nexus owner (background)', socket: expect.stringContaining('.s.PGSQL.') });
    expect(alive(owner!.pid)).toBe(true);
    const [a, b, c] = await Promise.all([
      box.run(['users', 'list', '--json']),
      box.run(['tickets', 'create', '--customer', 'cleo@example.org', '--subject', 'Hello', '--message', 'Hi', '--json']),
      box.run(['whoami', '--json']),
    ]);
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(a.json<{ items: { email: string }[] }>().items.map((u) => u.email)).toContain('ana@example.com');
    expect(b.json()).toMatchObject({ created: true, ticket: { subject: 'Hello' } });
    expect(lock()?.pid).toBe(owner!.pid); // still the same owner: no second one was started
  });

  it('ends by itself when no command has come for a while, releasing the folder', async () => {
    const owner = lock()!;
    expect(await until(() => !alive(owner.pid) && lock() === null, 20_000)).toBe(true);
    // The data stayed: a command opening the folder itself sees everything.
    const list = await box.run(['tickets', 'list', '--json'], { env: { NEXUS_EMBEDDED_OWNER: 'process' } });
    expect(list.json<{ items: { subject: string }[] }>().items.map((t) => t.subject)).toEqual(['Hello']);
  });

  it('nexus serve retires a running background owner and takes the folder over', async () => {
    expect((await box.run(['whoami'])).code).toBe(0);
    const owner = lock()!;
    expect(owner.command).toBe('nexus owner (background)');
    const serve = await spawnServe(box.env);
    try {
      expect(await until(() => !alive(owner.pid), 5_000)).toBe(true);
      expect(lock()).toMatchObject({ pid: serve.child.pid, socket: expect.any(String) });
      const list = await box.run(['tickets', 'list', '--json']);
      expect(list.json<{ items: unknown[] }>().items).toHaveLength(1);
      expect(lock()?.pid).toBe(serve.child.pid); // the command went through the server, no new owner
    } finally {
      expect(await serve.stop()).toBe(0);
    }
  });
});
