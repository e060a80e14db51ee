import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The house rules on what may import what, checked on the source itself: core knows nothing of the
// CLI, the TUI or the server; and no production module reaches a test kit or an in-process fake.
const src = dirname(fileURLToPath(import.meta.url));
const root = resolve(src, '..');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

const isTestOrFake = (path: string) => /\.(test|fake)\.tsx?$/.test(path);
const production = sources(src).filter((path) => !isTestOrFake(path));

/** The files a module imports (relative specifiers only), as paths from the repository root. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g)].map((m) => m[1]!);
  return specifiers.map((s) => relative(root, resolve(dirname(file), s)));
}

describe('module layering', () => {
  it('finds the production modules it checks', () => {
    expect(production.length).toBeGreaterThan(100);
    expect(production.some((p) => p.endsWith(join('core', 'services.ts')))).toBe(true);
  });

  it('core imports nothing from the CLI, the TUI or the server', () => {
    const offenders = production
      .filter((file) => relative(src, file).startsWith('core'))
      .flatMap((file) => importsOf(file).filter((target) => /^src[\\/](commands|tui|server|cli)/.test(target)).map((target) => `${relative(root, file)} → ${target}`));
    expect(offenders).toEqual([]);
  });

  it('no production module imports a test kit or a fake', () => {
    const offenders = production.flatMap((file) =>
      importsOf(file)
        .filter((target) => target.startsWith(`test${'/'}`) || /\.fake(\.js)?$/.test(target) || /test-kit|fake-/.test(target))
        .map((target) => `${relative(root, file)} → ${target}`),
    );
    expect(offenders).toEqual([]);
  });
});
