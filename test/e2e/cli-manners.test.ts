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
