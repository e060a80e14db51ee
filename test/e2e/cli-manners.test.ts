import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { NEXUS_BIN } from '../support/cli.js';

const sh = (script: string) => spawnSync('bash', ['-c', `set -o pipefail; ${script}`], { encoding: 'utf8', env: { ...process.env, NEXUS_BIN } });

describe('a closed pipe and a full disk (issue 8 item 14)', () => {
  it('Given a reader that stops early (`nexus … | head`), then nexus ends quietly with 0 and no stack', () => {
    const result = sh('node "$NEXUS_BIN" completion fish | true; node "$NEXUS_BIN" --help | head -1');
    expect(result.stderr).not.toMatch(/Error|EPIPE|at /);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Usage: nexus');
  });

  it('Given a full disk (/dev/full), then one line says so, exit 1, no stack', () => {
    const result = sh('node "$NEXUS_BIN" completion bash > /dev/full');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('error: the disk is full; nothing more could be written\n');
  });
});

describe('doctor only looks (issue 8 item 14)', () => {
  it('Given a mistyped --data-dir, then doctor says there is no desk there and creates nothing', async () => {
    const { CliSandbox } = await import('../support/cli.js');
    const { existsSync } = await import('node:fs');
    const { join } = await import('node:path');
    const box = new CliSandbox();
    try {
      const typo = join(box.root, 'no-such-desk');
      const result = await box.run(['doctor', '--data-dir', typo, '--json']);
      expect(result.code).toBe(1);
      expect(JSON.stringify(result.json())).toContain('No desk here');
      expect(existsSync(typo)).toBe(false);
    } finally {
      box.cleanup();
    }
  }, 120_000);
});

describe('local recovery of a lost admin password (issue 8 item 13)', () => {
  it('Given the only admin forgot the password, when the data folder owner runs reset-password --local, then the new one logs in', async () => {
    const { CliSandbox } = await import('../support/cli.js');
    const box = new CliSandbox();
    try {
      box.initFromTemplate(); // its admin's password is the one forgotten
      expect((await box.run(['logout'])).code).toBe(0);
      const reset = await box.run(['users', 'reset-password', 'admin@example.com', '--local', '--password-stdin', '--json'], { input: 'remembered 456\n' });
      expect(reset.code, reset.stderr).toBe(0);
      expect(reset.json()).toMatchObject({ email: 'admin@example.com', passwordReset: true });
      expect((await box.run(['login', '--email', 'admin@example.com', '--password-stdin'], { input: 'remembered 456\n' })).code).toBe(0);
      const stdinInit = new CliSandbox();
      try {
        const init = await stdinInit.run(['init', '--admin-email', 'root@example.com', '--admin-password-stdin', '--no-input', '--json'], { input: 'from stdin 789\n' });
        expect(init.code, init.stderr).toBe(0);
        expect((await stdinInit.run(['whoami', '--json'])).json()).toMatchObject({ email: 'root@example.com' });
      } finally {
        stdinInit.cleanup();
      }
    } finally {
      box.cleanup();
    }
  }, 300_000);
});

describe('init checks its answers before the slow work (issue 8 item 13)', () => {
  it('Given a bad email and a short password, then both are named by flag, exit 2, and no data folder is made', async () => {
    const { CliSandbox } = await import('../support/cli.js');
    const { existsSync } = await import('node:fs');
    const box = new CliSandbox();
    try {
      const result = await box.run(['init', '--admin-email', 'not-an-email', '--admin-password', 'short', '--no-input', '--json']);
      expect(result.code).toBe(2);
      expect(result.json().error.details.map((d: { path: string }) => d.path)).toEqual(['--admin-email', '--admin-password']);
      expect(existsSync(box.env.NEXUS_DATA_DIR!)).toBe(false);
    } finally {
      box.cleanup();
    }
  });
});
