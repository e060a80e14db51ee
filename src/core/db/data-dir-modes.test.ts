import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tightenDataDir } from './database.js';

// Issue 9, item 16: a data folder found with loose modes is tightened when opened.
describe('the data folder modes', () => {
  const root = mkdtempSync(join(tmpdir(), 'nexus-modes-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('Given a folder 0755 with a world-readable secret key and a 0755 pgdata, then they become 0700 / 0600 / 0700', () => {
    const dir = join(root, 'desk');
    mkdirSync(join(dir, 'pgdata'), { recursive: true });
    writeFileSync(join(dir, 'secret.key'), 'k'.repeat(40));
    chmodSync(dir, 0o755);
    chmodSync(join(dir, 'pgdata'), 0o755);
    chmodSync(join(dir, 'secret.key'), 0o644);
    tightenDataDir(dir);
    const mode = (path: string) => statSync(path).mode & 0o777;
    expect([mode(dir), mode(join(dir, 'secret.key')), mode(join(dir, 'pgdata'))]).toEqual([0o700, 0o600, 0o700]);
  });
});
