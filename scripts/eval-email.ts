// `npm run eval:email`: delivers every case of the email threading corpus (../shared/fixtures/email-dev)
// through the replay path of `nexus email ingest` — a fresh, migrated desk per case, the files in
// order, `{{TICKET_NUMBER_OF:NN.eml}}` replaced in the raw bytes with the ticket number the desk gave
// that message — and scores each decision against expected.json. Exit code 1 below 100 %.
// Another folder of cases in the same format (the repository's held-out sets, say):
//   npm run eval:email -- --dir test/fixtures/email-holdout [--json]
//   NEXUS_FIXTURES_DIR=/path/to/fixtures npm run eval:email [-- --json]
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { FakeClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config/parse-config.js';
import { migrate } from '../src/core/db/migrator.js';
import type { DB } from '../src/core/db/schema.js';
import { scoreEmailCase, type EmailCase, type ScoredMessage } from '../src/core/email/inbound/score-case.js';
import { createServices } from '../src/core/services.js';
import { toActor } from '../src/core/users/user.js';
import { fixturePath } from '../test/support/fixtures.js';

const dirFlag = process.argv.indexOf('--dir');
const dirArg = dirFlag >= 0 ? process.argv[dirFlag + 1] : undefined;
if (dirFlag >= 0 && (!dirArg || dirArg.startsWith('--'))) {
  console.error('--dir needs a folder of cases, e.g. --dir test/fixtures/email-holdout');
  process.exit(2);
}
const root = dirArg ? resolve(dirArg) : fixturePath('email-dev');
if (!existsSync(root)) {
  console.error(`No corpus at ${root}. Hint: pass --dir <folder of cases> or set NEXUS_FIXTURES_DIR.`);
  process.exit(2);
}
const cases = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

async function runCase(name: string): Promise<ScoredMessage[]> {
  const spec = JSON.parse(readFileSync(join(root, name, 'expected.json'), 'utf8')) as EmailCase;
  const pglite = await PGlite.create();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }) });
  try {
    await migrate(db);
    const config = parseConfig({ defaults: { dataDir: '/nonexistent', secretKey: 'eval-secret-key-that-is-long-enough-012345' } }).config;
    const services = createServices({ db, clock: new FakeClock(), config });
    const admin = toActor(await db.insertInto('users').values({ email: 'admin@example.com', name: 'Admin', role: 'admin', password_hash: null }).returningAll().executeTakeFirstOrThrow());
    return await scoreEmailCase(spec, {
      read: (file) => new Uint8Array(readFileSync(join(root, name, file))),
      ingest: async (file, raw) => (await services.email.ingestFiles(admin, { mailbox: spec.mailbox, files: [{ name: file, raw }] }))[0]!,
    });
  } finally {
    await db.destroy();
    await pglite.close();
  }
}

const started = performance.now();
const report: { case: string; passed: number; total: number; messages: ScoredMessage[] }[] = [];
for (const name of cases) {
  const messages = await runCase(name);
  report.push({ case: name, passed: messages.filter((m) => m.ok).length, total: messages.length, messages });
}
const passed = report.reduce((n, c) => n + c.passed, 0);
const total = report.reduce((n, c) => n + c.total, 0);
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ corpus: root, passed, total, cases: report }, null, 2));
} else {
  console.log(`Corpus: ${root} (${cases.length} cases, ${total} messages)\n`);
  for (const c of report) {
    console.log(`${c.passed === c.total ? 'PASS' : 'FAIL'}  ${String(c.passed).padStart(2)}/${c.total}  ${c.case}`);
    for (const m of c.messages.filter((x) => !x.ok)) console.log(`        ${m.file}: expected ${m.expect}, got ${m.got} (${m.reason ?? 'no reason'})`);
  }
  console.log(`\nScore: ${passed}/${total} decisions correct in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
process.exitCode = passed === total ? 0 : 1;
