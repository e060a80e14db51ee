import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { EMBEDDED_SHARED_BUFFERS, openDatabase } from './database.js';

// Issue 9, item 7: the embedded database's buffer pool is what makes each owner process ~350 MB.
// Measured with scripts/measure-embedded-rss.sh: owner 378 → 267 MB, serve 352 → 255 MB.
describe('the embedded database memory', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nexus-mem-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('Given a data folder opened by a command, then PGlite runs with the small buffer pool, not Postgres\'s 128 MB default', async () => {
    const database = await openDatabase({ dataDir: dir, command: 'test', migrate: false });
    try {
      const { rows } = await sql<{ shared_buffers: string }>`show shared_buffers`.execute(database.db);
      expect(rows[0]!.shared_buffers).toBe(EMBEDDED_SHARED_BUFFERS);
    } finally {
      await database.close();
    }
  }, 120_000);
});
