import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { KEYMAP, renderKeyDocs } from '../src/tui/keymap.js';
import { TUI_DOC_PATH } from './tui-docs.js';

describe('docs/tui.md', () => {
  it('lists every key of the key map as it is (run `npm run docs:tui` when this fails)', () => {
    const current = readFileSync(TUI_DOC_PATH, 'utf8');
    expect(current).toBe(renderKeyDocs());
    for (const binding of KEYMAP) expect(current).toContain(binding.description);
  });
});
