// Builds the shipped `nexus` bundle: ESM, code-split so each command loads only its own chunk.
// Dependencies stay external (node_modules), so native modules and PGlite's WASM files load as usual.
import { build } from 'esbuild';
import { rm } from 'node:fs/promises';

const started = Date.now();
await rm(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  sourcemap: 'linked',
  jsx: 'automatic',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
});
if (!process.env.CI && process.stderr.isTTY) process.stderr.write(`built dist/ in ${Date.now() - started} ms\n`);
