// `npm run eval:kb`: retrieval quality of the knowledge-base search on the project's own evaluation set
// (test/fixtures/kb: articles as Markdown with front matter, questions.jsonl with the expected article).
// Imports the articles into an in-memory database, asks every question and reports recall@3 (the
// expected article among the first three hits) and MRR for:
//   fulltext  no embedding model (Postgres full text in each article's language alone);
//   hybrid    full text fused with vectors from a deterministic fake embedding model (hashed words and
//             character 4-grams, 256 dimensions), by reciprocal rank.
//   npm run eval:kb [-- --json]
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { FakeClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config/parse-config.js';
import { migrate } from '../src/core/db/migrator.js';
import type { DB } from '../src/core/db/schema.js';
import { createHashEmbedder } from '../src/core/kb/hash-embedder.fake.js';
import { createServices } from '../src/core/services.js';
import { toActor } from '../src/core/users/user.js';

const DIR = resolve(import.meta.dirname, '../test/fixtures/kb');
const questions = readFileSync(resolve(DIR, 'questions.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { q: string; expect: string[] });

async function run(mode: 'fulltext' | 'hybrid') {
  const pglite = await PGlite.create();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }) });
  await migrate(db);
  const config = parseConfig({ defaults: { dataDir: '/nonexistent', secretKey: 'eval-secret-key-that-is-long-enough-012345' } }).config;
  const services = createServices({ db, clock: new FakeClock(), config, ai: { embedder: mode === 'hybrid' ? createHashEmbedder() : null } });
  const admin = toActor(await db.insertInto('users').values({ email: 'kb-eval@example.com', name: 'KB eval', role: 'admin', password_hash: null }).returningAll().executeTakeFirstOrThrow());
  const imported = await services.kb.import(admin, { dir: resolve(DIR, 'articles') });
  const rows = [];
  for (const question of questions) {
    const result = await services.kb.search(null, { q: question.q, limit: 3 });
    if (result.mode !== mode) throw new Error(`expected a ${mode} search, got ${result.mode}`);
    const slugs = result.items.map((h) => h.article.slug);
    const rank = slugs.findIndex((s) => question.expect.includes(s)) + 1;
    rows.push({ q: question.q, expect: question.expect, got: slugs, rank: rank || null });
  }
  await db.destroy();
  await pglite.close();
  const hits = rows.filter((r) => r.rank !== null).length;
  const mrr = rows.reduce((n, r) => n + (r.rank ? 1 / r.rank : 0), 0) / rows.length;
  return { mode, articles: imported.items.length, questions: rows.length, recallAt3: hits / rows.length, mrrAt3: mrr, misses: rows.filter((r) => r.rank === null) };
}

const results = [await run('fulltext'), await run('hybrid')];
if (process.argv.includes('--json')) {
  console.log(JSON.stringify({ items: results, nextCursor: null }, null, 2));
} else {
  console.log(`Knowledge-base retrieval: ${results[0]!.questions} questions against ${results[0]!.articles} articles (${DIR})\n`);
  for (const r of results) {
    console.log(`${r.mode.padEnd(9)} recall@3 ${(r.recallAt3 * 100).toFixed(1)}% (${Math.round(r.recallAt3 * r.questions)}/${r.questions}), MRR@3 ${r.mrrAt3.toFixed(3)}`);
    for (const m of r.misses) console.log(`  miss: ${JSON.stringify(m.q)} expected ${m.expect.join('|')}, got ${m.got.join(', ') || 'nothing'}`);
  }
}
