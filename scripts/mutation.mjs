// `npm run test:mutation [-- [--full] [--ignore-static] [--concurrency N] files…]`: mutation testing with Stryker (stryker.config.mjs).
// With no files it mutates the rule-heavy modules (RULE_HEAVY_MODULES); name files (or globs) to mutate
// just the ones you changed. Incremental: results are kept in reports/mutation/ and reused for
// mutants whose code and tests did not change; `--full` runs every mutant again. `--ignore-static`
// skips the static mutants (module-level tables and regexes, which re-run every test of the folder):
// a quick look while writing tests, never the number a closing note reports. Prints a per-file
// table whose last column leaves out the mutants listed in test/mutation/equivalent-mutants.md.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { RULE_HEAVY_MODULES } from '../stryker.config.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
process.chdir(root);

const args = process.argv.slice(2);
const files = [];
let force = false;
let ignoreStatic = false;
let concurrency;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--full') force = true;
  else if (args[i] === '--ignore-static') ignoreStatic = true;
  else if (args[i] === '--concurrency') concurrency = Number(args[++i]);
  else files.push(relative(root, resolve(args[i])));
}
const patterns = files.length > 0 ? files : RULE_HEAVY_MODULES;

/** Every file under `dir` (relative paths), skipping node_modules and dot folders. */
function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    if (name === 'node_modules' || name.startsWith('.')) return [];
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const globToRegExp = (glob) => new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*\//g, '(?:.*/)?').replace(/\*/g, '[^/]*')}$`);
const sources = walk('src').filter((f) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f));
const mutated = sources.filter((f) => patterns.some((p) => globToRegExp(p).test(f)));
if (mutated.length === 0) {
  console.error(`No source files match ${patterns.join(' ')}`);
  process.exit(2);
}

// The tests that run against the mutants — a module's own tests: every test file that imports a mutated
// module directly, or, in the module's own folder, through modules of that folder (redact.test.ts →
// redact.ts → card.ts). Tests that reach a module only through other modules (a use case, the services,
// the server) are left out: they would make each mutant cost minutes. Database tests (the PGlite
// project) run only for the modules no unit test reaches, such as the ticket use cases.
const importsOf = (file) =>
  [...readFileSync(file, 'utf8').matchAll(/(?:from|import\() ?'(\.{1,2}\/[^']+)'/g)].map((m) => join(dirname(file), m[1]).replace(/\.js$/, '.ts'));
function reaches(test, targets) {
  const direct = importsOf(test);
  if (direct.some((file) => targets.includes(file))) return true;
  const folder = dirname(test);
  if (!targets.some((m) => dirname(m) === folder)) return false;
  const seen = new Set();
  const queue = direct.filter((file) => dirname(file) === folder);
  while (queue.length > 0) {
    const file = queue.shift();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    if (targets.includes(file)) return true;
    queue.push(...importsOf(file).filter((f) => dirname(f) === folder));
  }
  return false;
}
const allTests = walk('src').filter((f) => /\.test\.tsx?$/.test(f) && !f.endsWith('.pg.test.ts'));
/** Tests that need a database: run on PGlite here (`*.db.test.ts` also runs on Postgres in CI, `*.pglite.test.ts` does not). */
const isDbTest = (f) => f.endsWith('.db.test.ts') || f.endsWith('.pglite.test.ts');
/** Tests that score a shared corpus (`sharedCorpusAvailable`): slow, and about their own folder's modules. */
const isCorpusTest = (f) => readFileSync(f, 'utf8').includes('sharedCorpusAvailable(');

// One Stryker run per folder: a static mutant (a keyword table, a module-level regex) re-runs every
// test of its run, so a run holds only one folder's modules and their tests. Each folder keeps its own
// incremental file, reports/mutation/incremental/<folder>.json.
const folders = new Map();
for (const file of mutated) folders.set(dirname(file), [...(folders.get(dirname(file)) ?? []), file]);

// The sandbox lives under .tmp/stryker, so `../shared/fixtures` would not resolve from there.
const sharedFixtures = resolve(root, '../shared/fixtures');
if (!process.env.NEXUS_FIXTURES_DIR && existsSync(sharedFixtures)) process.env.NEXUS_FIXTURES_DIR = sharedFixtures;

const { Stryker } = await import('@stryker-mutator/core');
const results = [];
const untested = [];
for (const [folder, files] of folders) {
  // Database tests (PGlite) only for modules that no unit test reaches: they cost seconds per mutant.
  // A corpus test of another folder (it scores a shared corpus through `sharedCorpusAvailable`, such as
  // safety/handoff-fixture.test.ts, which redacts before it classifies) stays out: it tests its own
  // capability, and it re-ran a minute of corpus scoring for every static mutant of this folder.
  const unitTests = allTests.filter((t) => !isDbTest(t) && reaches(t, files) && (dirname(t) === folder || !isCorpusTest(t)));
  const needDatabase = files.filter((f) => !unitTests.some((t) => reaches(t, [f])));
  const tests = [...unitTests, ...allTests.filter((t) => isDbTest(t) && reaches(t, needDatabase))];
  if (tests.length === 0) {
    untested.push(...files);
    continue;
  }
  const slug = folder.replace(/^src\//, '').replace(/\//g, '-');
  // The test files go to vitest (test/mutation/vitest.config.ts), not to Stryker's `testFiles`: with
  // `testFiles`, Stryker 9.6.1 activates a static mutant only after the modules have loaded, so every
  // static mutant "survives" untested (stryker-js#6144). Without it, a static mutant is switched on
  // before a fresh vitest loads the tests related to its file.
  process.env.NEXUS_MUTATION_UNIT_TESTS = tests.filter((f) => !isDbTest(f)).join(',');
  process.env.NEXUS_MUTATION_DB_TESTS = tests.filter((f) => isDbTest(f)).join(',');
  console.log(`\n== ${folder}: mutating ${files.length} file(s) with ${tests.length} test file(s): ${tests.join(', ')}`);
  const options = {
    configFile: 'stryker.config.mjs',
    mutate: files,
    force,
    ignoreStatic,
    incrementalFile: `reports/mutation/incremental/${slug}.json`,
    jsonReporter: { fileName: `reports/mutation/${slug}.json` },
    ...(concurrency ? { concurrency } : {}),
  };
  results.push(...(await new Stryker(options).runMutationTest()));
}

// Equivalent mutants: rows `| file | line:col | mutator | replacement | reason |` in the list. The
// replacement is written in backticks, with `\|` for a "|" inside it; it tells apart the mutants Stryker
// puts at one place (the Regex mutator makes several of one regular expression).
const equivalentFile = 'test/mutation/equivalent-mutants.md';
const normalise = (code) => code.replace(/\s+/g, ' ').trim();
const equivalent = new Set(
  existsSync(equivalentFile)
    ? readFileSync(equivalentFile, 'utf8')
        .split('\n')
        .filter((line) => line.startsWith('| src/'))
        .map((line) => line.split(/(?<!\\)\|/).map((cell) => cell.trim()))
        .map(([, file, at, mutator, replacement]) => `${file}:${at}:${mutator}:${normalise(replacement.replace(/^`|`$/g, '').replaceAll('\\|', '|'))}`)
    : [],
);
const keyOf = (r) => `${relative(root, resolve(r.fileName))}:${r.location.start.line}:${r.location.start.column}:${r.mutatorName}:${normalise(r.replacement ?? '')}`;

const rows = new Map();
const usedEquivalents = new Set();
for (const r of results) {
  if (r.status === 'Ignored') continue; // --ignore-static
  const file = relative(root, resolve(r.fileName));
  const row = rows.get(file) ?? { mutants: 0, killed: 0, survived: 0, noCoverage: 0, invalid: 0, equivalent: 0 };
  rows.set(file, row);
  row.mutants++;
  if (r.status === 'Killed' || r.status === 'Timeout') row.killed++;
  else if (r.status === 'Survived' || r.status === 'NoCoverage') {
    if (equivalent.has(keyOf(r))) {
      row.equivalent++;
      usedEquivalents.add(keyOf(r));
    } else if (r.status === 'Survived') row.survived++;
    else row.noCoverage++;
  } else row.invalid++;
}
const pct = (killed, total) => (total === 0 ? '   n/a' : `${((100 * killed) / total).toFixed(1).padStart(5)}%`);
const header = ['file', 'mutants', 'killed', 'survived', 'no cov', 'equiv', 'score', 'excl. equiv'];
const table = [...rows.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([file, r]) => [file, r]);
const total = { mutants: 0, killed: 0, survived: 0, noCoverage: 0, invalid: 0, equivalent: 0 };
for (const [, r] of table) for (const k of Object.keys(total)) total[k] += r[k];
const line = (file, r) => [file, r.mutants, r.killed, r.survived, r.noCoverage, r.equivalent, pct(r.killed, r.killed + r.survived + r.noCoverage + r.equivalent), pct(r.killed, r.killed + r.survived + r.noCoverage)];
const out = [header, ...table.map(([f, r]) => line(f, r)), line('all files', total)].map((cells) => cells.map(String));
const widths = header.map((_, i) => Math.max(...out.map((cells) => cells[i].length)));
console.log('\nMutation score per file (killed + timed out) / (killed + survived + no coverage):');
for (const [i, cells] of out.entries()) {
  console.log(cells.map((c, j) => (j === 0 ? c.padEnd(widths[j]) : c.padStart(widths[j]))).join('  '));
  if (i === 0 || i === out.length - 2) console.log(widths.map((w) => '-'.repeat(w)).join('  '));
}
if (ignoreStatic) console.log('Static mutants were left out (--ignore-static): this is not the full score.');
const survivors = results
  .filter((r) => (r.status === 'Survived' || r.status === 'NoCoverage') && !equivalent.has(keyOf(r)))
  .map((r) => `${relative(root, resolve(r.fileName))}:${r.location.start.line}:${r.location.start.column} ${r.status} ${r.mutatorName}: ${JSON.stringify(r.replacement ?? '')}`);
writeFileSync('reports/mutation/survivors.txt', `${survivors.join('\n')}\n`);
const stale = [...equivalent].filter((k) => !usedEquivalents.has(k) && mutated.some((f) => k.startsWith(`${f}:`)));
if (stale.length > 0) console.log(`\nEntries in ${equivalentFile} that match no surviving mutant (update them): ${stale.join(', ')}`);
if (untested.length > 0) console.log(`\nNo test imports these, so nothing can kill their mutants: ${untested.join(', ')}`);
console.log('\nSurviving mutants: reports/mutation/survivors.txt, and in full in reports/mutation/<folder>.json.');
