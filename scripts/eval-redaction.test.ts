import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ownFixturePath, sharedCorpusAvailable } from '../test/support/fixtures.js';

const script = resolve(import.meta.dirname, 'eval-redaction.ts');
const run = (env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', env: { ...process.env, ...env } });

describe('npm run eval:redaction', () => {
  const expectReport = (result: ReturnType<typeof run>) => {
    expect(result.status, result.stderr).toBe(0);
    for (const type of ['email', 'phone', 'card', 'iban', 'ssn', 'ip', 'profanity', 'overall']) expect(result.stdout).toMatch(new RegExp(`^${type}\\s+\\d+\\s+\\d+\\s+\\d+\\s+[01]\\.\\d{3}\\s+[01]\\.\\d{3}$`, 'm'));
    expect(result.stdout).toContain('PASSED');
  };

  it.skipIf(!sharedCorpusAvailable('pii-dev.jsonl'))('Given the shared corpus, Then it prints precision and recall per type and passes', () => {
    expectReport(run());
  });

  it("Given the repository's own sample, Then it prints precision and recall per type and passes", () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexus-eval-'));
    try {
      copyFileSync(ownFixturePath('pii-sample.jsonl'), join(dir, 'pii-dev.jsonl'));
      expectReport(run({ NEXUS_FIXTURES_DIR: dir }));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Given a corpus the redactor cannot meet, Then it lists the miss and exits 1', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nexus-eval-'));
    try {
      writeFileSync(join(dir, 'pii-dev.jsonl'), `${JSON.stringify({ id: 't-1', text: 'call 12', spans: [{ type: 'phone', start: 5, end: 7 }], allowed: [] })}\n`);
      const result = run({ NEXUS_FIXTURES_DIR: dir });
      expect(result.status).toBe(1);
      expect(result.stdout).toContain('t-1  phone  [5,7)  "12"');
      expect(result.stdout).toContain('FAILED');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
