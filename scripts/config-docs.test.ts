import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOC_PATH, renderDoc } from './config-docs.js';

describe('docs/configuration.md', () => {
  it('lists every setting of the config schema with its env name and default (run `npm run docs:config` when this fails)', () => {
    const current = readFileSync(DOC_PATH, 'utf8');
    expect(current).toBe(renderDoc(current));
  });
});
