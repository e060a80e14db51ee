// `npm test`: type-check, lint, then every test project (unit, PGlite, Postgres, e2e), and one plain
// `N passed, N failed` line at the end. Extra arguments go to vitest and skip the type-check and lint.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

const args = process.argv.slice(2);
const requireServices = process.env.NEXUS_TEST_REQUIRE_SERVICES === '1' || process.env.CI === 'true';
let passed = 0;
let failed = 0;
let skipped = 0;

function step(name, command, commandArgs) {
  process.stdout.write(`\n== ${name}\n`);
  const result = spawnSync(command, commandArgs, { stdio: 'inherit' });
  if (result.status === 0) passed++;
  else {
    failed++;
    process.stdout.write(`${name} FAILED\n`);
  }
}

async function postgresReachable() {
  const url = process.env.NEXUS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch (error) {
    process.stdout.write(`Postgres at ${url.replace(/:[^:@/]*@/, ':****@')} is not reachable: ${error.message}\n`);
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

// .ci/run tests a standalone clone (no ../shared beside it) in the background beside the type-check and
// lint and names its folder in NEXUS_CI_STANDALONE_DIR: its result file appears there when it ends, and is
// awaited before the main vitest run.
function countStandalone(result) {
  if (result === 'passed') passed++;
  else if (result === 'failed') {
    failed++;
    process.stdout.write('standalone clone (unit tests without ../shared) FAILED\n');
  }
}
async function awaitStandalone(dir) {
  const resultFile = join(dir, 'result');
  const deadline = Date.now() + 30 * 60_000;
  while (!existsSync(resultFile) && Date.now() < deadline) await sleep(500);
  process.stdout.write('\n== standalone clone (no ../shared beside it): npm ci, unit tests\n');
  try {
    process.stdout.write(readFileSync(join(dir, 'output.log'), 'utf8'));
  } catch {
    // no output: the result below says what happened
  }
  countStandalone(existsSync(resultFile) ? readFileSync(resultFile, 'utf8').trim() : 'failed');
}

if (args.length === 0) {
  step('type-check (tsc)', 'npx', ['tsc', '--noEmit']);
  step('lint (eslint)', 'npx', ['eslint', '--max-warnings=0', '.']);
}

if (process.env.NEXUS_CI_STANDALONE_DIR) await awaitStandalone(process.env.NEXUS_CI_STANDALONE_DIR);

const projects = ['unit', 'pglite', 'postgres', 'e2e'];
if (!(await postgresReachable())) {
  if (requireServices) {
    process.stdout.write('The Postgres suite is required here (CI or NEXUS_TEST_REQUIRE_SERVICES=1): counting it as failed.\n');
    failed++;
  } else {
    process.stdout.write('Skipping the Postgres suite: no server. Set NEXUS_TEST_DATABASE_URL to run it.\n');
  }
  projects.splice(projects.indexOf('postgres'), 1);
}

mkdirSync('.tmp', { recursive: true });
const report = '.tmp/vitest-report.json';
rmSync(report, { force: true });
process.stdout.write(`\n== vitest (${projects.join(', ')})\n`);
const vitest = spawnSync(
  'npx',
  ['vitest', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...args],
  { stdio: 'inherit', env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' } },
);
try {
  const result = JSON.parse(readFileSync(report, 'utf8'));
  passed += result.numPassedTests;
  failed += result.numFailedTests;
  skipped += result.numPendingTests + result.numTodoTests;
  if (result.numFailedTestSuites > 0 && result.numFailedTests === 0) failed += result.numFailedTestSuites;
} catch {
  process.stdout.write('vitest produced no report\n');
  failed++;
}
if (vitest.status !== 0 && failed === 0) failed++;
process.stdout.write(`\n${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
process.exitCode = failed > 0 ? 1 : 0;
