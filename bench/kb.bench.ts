// Knowledge-base search at 10,000 articles (issue 13, acceptance 5): seeds synthetic published articles
// (two passages each, with 256-dimension vectors from the deterministic hash embedding) into an
// in-memory PGlite and into a throwaway database on the Postgres server (NEXUS_BENCH_PG_URL, default
// postgres://postgres@127.0.0.1:5432; skipped with a note when unreachable), then times searches
// through the use case — full text alone, and hybrid (full text + vector similarity over real[], fused).
// Prints p50/p95/max per database and mode. BENCH_ARTICLES and BENCH_QUERIES change the sizes.
import { cpus, loadavg } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { FakeClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config/parse-config.js';
import { migrate } from '../src/core/db/migrator.js';
import type { DB } from '../src/core/db/schema.js';
import { createHashEmbedder } from '../src/core/kb/hash-embedder.fake.js';
import { searchKb } from '../src/core/kb/search-kb.js';

const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000);
const QUERIES = Number(process.env.BENCH_QUERIES ?? 60);
const PG_URL = process.env.NEXUS_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432';
const embedder = createHashEmbedder(256);

// A deterministic pseudo-random source (mulberry32), so every run seeds and asks the same.
function rng(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = rng(13);
const pick = <T>(xs: T[]): T => xs[Math.floor(random() * xs.length)]!;
const TOPICS = 'account password login invoice refund order delivery parcel return subscription plan coupon voucher router app crash notification export privacy warranty repair shipping address payment card bank transfer upgrade downgrade trial cancel pause label carrier tracking battery screen cable setup'.split(' ');
const SYLLABLES = 'ka lo mi ne su ta ri po ve da fu go hi je ku le ma no pa qui ro sa te vu wa xe yo zu'.split(' ');
const JARGON = Array.from({ length: 3000 }, () => Array.from({ length: 2 + Math.floor(random() * 3) }, () => pick(SYLLABLES)).join(''));
const sentence = () => `${Array.from({ length: 8 + Math.floor(random() * 8) }, () => (random() < 0.3 ? pick(TOPICS) : pick(JARGON))).join(' ')}.`;
const paragraph = () => Array.from({ length: 3 }, sentence).join(' ');

async function seed(db: Kysely<DB>) {
  const passages: string[] = [];
  for (let start = 0; start < ARTICLES; start += 250) {
    const batch = Array.from({ length: Math.min(250, ARTICLES - start) }, (_, i) => ({ slug: `bench-${start + i}`, title: `${pick(TOPICS)} ${pick(JARGON)} ${pick(TOPICS)}`, parts: [paragraph(), paragraph()] }));
    const rows = await db
      .insertInto('kb_articles')
      .values(batch.map((a) => ({ slug: a.slug, title: a.title, body: a.parts.join('\n\n'), tags: [pick(TOPICS)], locale: 'en', status: 'published' as const, published_at: new Date() })))
      .returning(['id', 'slug'])
      .execute();
    const texts = batch.flatMap((a) => a.parts.map((p) => `${a.title}\n${p}`));
    const vectors = await embedder.embed(texts);
    passages.push(...batch.flatMap((a) => a.parts));
    await db
      .insertInto('kb_chunks')
      .values(
        batch.flatMap((a, i) =>
          a.parts.map((p, j) => ({
            article_id: rows[i]!.id,
            ordinal: j,
            heading: null,
            body: p,
            search_vector: sql`setweight(to_tsvector('english', ${a.title}), 'A') || setweight(to_tsvector('english', ${p}), 'C')`,
            embedding: sql`${`{${vectors[i * 2 + j]!.map((x) => x.toFixed(6)).join(',')}}`}::real[]`,
            embedding_model: embedder.model,
          })),
        ),
      )
      .execute();
  }
  await sql`analyze`.execute(db);
  return passages;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;

async function measure(name: string, db: Kysely<DB>) {
  const t0 = Date.now();
  const passages = await seed(db);
  console.log(`${name}: seeded ${ARTICLES} articles (${ARTICLES * 2} passages) in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  // Questions: four words taken from a random passage plus two words from elsewhere.
  const questions = Array.from({ length: QUERIES }, () => {
    const words = pick(passages).replace(/[.]/g, '').split(' ');
    return [...Array.from({ length: 4 }, () => pick(words)), pick(TOPICS), pick(JARGON)].join(' ');
  });
  const config = parseConfig({ defaults: { dataDir: '/nonexistent' } }).config;
  for (const mode of ['fulltext', 'hybrid'] as const) {
    const deps = { db, clock: new FakeClock(), config, ai: { embedder: mode === 'hybrid' ? embedder : null } };
    const cold = performance.now();
    await searchKb(deps, null, { q: questions[0]!, limit: 10 }); // warm-up (hybrid: loads the passage vectors into memory)
    const coldMs = performance.now() - cold;
    const times: number[] = [];
    let hits = 0;
    for (const q of questions) {
      const started = performance.now();
      const result = await searchKb(deps, null, { q, limit: 10 });
      times.push(performance.now() - started);
      if (result.mode !== mode) throw new Error(`expected ${mode}, got ${result.mode}`);
      hits += result.items.length > 0 ? 1 : 0;
    }
    console.log(`  ${mode.padEnd(8)} ${QUERIES} searches: p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${percentile(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (${hits} with hits; first search ${coldMs.toFixed(0)} ms)`);
  }
}

console.log(`KB search benchmark: ${ARTICLES} articles, ${QUERIES} searches per mode; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)} (shared machine: other work runs alongside)`);

const pglite = await PGlite.create();
const lite = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }) });
await migrate(lite);
await measure('PGlite (embedded, in memory)', lite);
await lite.destroy();
await pglite.close();

const name = `nexus_i13_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
let reachable = true;
try {
  await admin.connect();
} catch (error) {
  reachable = false;
  console.log(`Postgres server: skipped (${(error as Error).message})`);
}
if (reachable) {
  await admin.query(`create database ${name}`);
  const pool = new pg.Pool({ connectionString: `${PG_URL}/${name}`, max: 2 });
  pool.on('error', () => {}); // the forced drop below may end a connection the pool is still closing
  const server = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(server);
    await measure('Postgres server', server);
  } finally {
    await server.destroy();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}
