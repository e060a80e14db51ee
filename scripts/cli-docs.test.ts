import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLI_DOC_PATH, renderCliDoc } from './cli-docs.js';

describe('docs/cli.md', () => {
  it('shows the --help of every command as it is (run `npm run docs:cli` when this fails)', async () => {
    const current = readFileSync(CLI_DOC_PATH, 'utf8');
    expect(current).toBe(await renderCliDoc(current));
  });
});
