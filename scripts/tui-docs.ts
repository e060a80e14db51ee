// Writes docs/tui.md from the TUI's key map (src/tui/keymap.ts), the same table the key handlers and
// the `?` overlay use: `npm run docs:tui` rewrites it, and a unit test fails when it is stale.
import { writeFileSync } from 'node:fs';
import { renderKeyDocs } from '../src/tui/keymap.js';

export const TUI_DOC_PATH = new URL('../docs/tui.md', import.meta.url);

if (import.meta.url === `file://${process.argv[1]}`) {
  writeFileSync(TUI_DOC_PATH, renderKeyDocs());
  process.stdout.write('docs/tui.md updated\n');
}
