// Builds the shipped `nexus` bundle: ESM, code-split so each command loads only its own chunk.
// The small pure-JavaScript packages every command needs (parser, query builder, driver, schema, config
// store) are bundled in: loading hundreds of little files from node_modules costs more start-up time
// than running the code. Everything else — native modules (bcrypt), PGlite's WASM, the server stack and
// SDKs that load files of their own — stays in node_modules.
// Builds into a fresh folder and swaps it in, so a process running dist/ never sees a half-written one.
import { build } from 'esbuild';
import { existsSync, readFileSync } from 'node:fs';
import { readFile, rename, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const INLINE_ROOTS = ['commander', 'kysely', 'zod', 'conf', 'jose', 'pg'];
const NEVER_INLINE = new Set(['pg-native', 'pg-cloudflare']);

function packageDir(name, from) {
  const require = createRequire(join(from, 'package.json'));
  let dir = dirname(require.resolve(name, { paths: [from] }));
  while (!existsSync(join(dir, 'package.json')) || JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name !== name) dir = dirname(dir);
  return dir;
}

/** The roots and every package they depend on, transitively. */
function inlinePackages() {
  const seen = new Set();
  const visit = (name, from) => {
    if (seen.has(name) || NEVER_INLINE.has(name)) return;
    let dir;
    try {
      dir = packageDir(name, from);
    } catch {
      return; // optional dependency that is not installed
    }
    seen.add(name);
    const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir);
  };
  for (const root of INLINE_ROOTS) visit(root, process.cwd());
  return seen;
}

const inline = inlinePackages();
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);
const externalUnlessInlined = {
  name: 'external-unless-inlined',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.path.startsWith('node:')) return { external: true };
      return inline.has(packageName(args.path)) ? undefined : { external: true };
    });
  },
};

// pg asks "am I on Cloudflare Workers?" when it loads by constructing a fetch Response, which makes Node
// load its whole fetch implementation (undici): some 70 ms of every command's start-up. The bundle only
// ever runs on Node, so the answer is no.
const PG_STREAM = /[\\/]pg[\\/]lib[\\/]stream\.js$/;
const CLOUDFLARE_PROBE = "if (typeof Response === 'function') {";
const nodeOnlyPg = {
  name: 'node-only-pg',
  setup(b) {
    b.onLoad({ filter: PG_STREAM }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes(CLOUDFLARE_PROBE)) throw new Error(`${args.path}: pg's Cloudflare probe changed; update scripts/build.mjs`);
      return { contents: text.replace(CLOUDFLARE_PROBE, 'if (false) {'), loader: 'js' };
    });
  },
};

// zod's namespace object (`z`) re-exports every one of its ~50 message locales, so a bundle that uses `z`
// carries them all: about two thirds of zod's chunk, parsed by every command at start-up. Nexus writes its
// own messages (core/validation.ts) on top of zod's English default and never selects a locale: the bundle
// gets a locales module with English only.
const ZOD_LOCALES = /[\\/]zod[\\/]v4[\\/]locales[\\/]index\.js$/;
const zodEnglishOnly = {
  name: 'zod-english-only',
  setup(b) {
    b.onLoad({ filter: ZOD_LOCALES }, async (args) => {
      const text = await readFile(args.path, 'utf8');
      if (!text.includes('export { default as en } from "./en.js";')) throw new Error(`${args.path}: zod's locale index changed; update scripts/build.mjs`);
      return { contents: 'export { default as en } from "./en.js";\n', loader: 'js', resolveDir: dirname(args.path) };
    });
  },
};

const started = Date.now();
const outdir = `dist.tmp-${process.pid}`;
await rm(outdir, { recursive: true, force: true });
await build({
  entryPoints: { cli: 'src/cli.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  plugins: [externalUnlessInlined, nodeOnlyPg, zodEnglishOnly],
  // CommonJS packages bundled into ESM still call require() for Node's own modules.
  banner: { js: "import { createRequire as __nexusCreateRequire } from 'node:module'; const require = __nexusCreateRequire(import.meta.url);" },
  sourcemap: 'linked',
  jsx: 'automatic',
  logLevel: 'warning',
  chunkNames: 'chunks/[name]-[hash]',
});
await rm('dist', { recursive: true, force: true });
await rename(outdir, 'dist');
if (!process.env.CI && process.stderr.isTTY) process.stderr.write(`built dist/ in ${Date.now() - started} ms (${inline.size} packages inlined)\n`);
