// Knowledge-base search at 10,000 articles (issue 13, acceptance 5): seeds synthetic published articles
// (two passages each, with 256-dimension vectors from the deterministic hash embedding) into an
// in-memory PGlite and into a throwaway database on the Postgres server (NEXUS_BENCH_PG_URL, default
// postgres://postgres@127.0.0.1:5432, with the production driver; skipped with a note when
// unreachable), then times searches through the use case — full text alone, and hybrid — after a
// first search in a fresh process state. Beside them, in the same run:
//   bare      `select 1`, the round trip under the current load (the floor a search cannot beat);
//   unbounded the full-text SQL before issue 13's rework (ts_rank over every passage sharing a word
//             with the question): its time, and how many of its top 10 articles the bounded ranking keeps;
//   source    how often the article a question was drawn from is in the first 10 hits;
//   vectors   how many of the exact 50 nearest passages (a full scan in this process) the sign-bit
//             pre-filter with exact re-scoring finds.
// BENCH_ARTICLES and BENCH_QUERIES change the sizes; BENCH_DB=pglite|postgres runs one database only.
// Wall times swing with the load of the shared machine; the CPU time of this process does much less
// (on PGlite it includes the database's work, on the server only the client's).
import { cpus, loadavg } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { FakeClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config/parse-config.js';
import { migrate } from '../src/core/db/migrator.js';
import { PreparedStatementClient } from '../src/core/db/prepared-client.js';
import type { DB } from '../src/core/db/schema.js';
import { createHashEmbedder } from '../src/core/kb/hash-embedder.fake.js';
import { searchKb } from '../src/core/kb/search-kb.js';
import { vectorCode, vectorBytes } from '../src/core/kb/vector-codec.js';
import { nearestPassages } from '../src/core/kb/vector-index.js';

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

interface Seeded {
  passages: { slug: string; text: string }[];
  vectors: { id: string; vector: Float32Array }[];
}

/** The articles, written with the same SQL functions as the application (kb_chunk_document, sign bits). */
async function seed(db: Kysely<DB>): Promise<Seeded> {
  const out: Seeded = { passages: [], vectors: [] };
  for (let start = 0; start < ARTICLES; start += 250) {
    const batch = Array.from({ length: Math.min(250, ARTICLES - start) }, (_, i) => ({ slug: `bench-${start + i}`, title: `${pick(TOPICS)} ${pick(JARGON)} ${pick(TOPICS)}`, tags: [pick(TOPICS)], parts: [paragraph(), paragraph()] }));
    const rows = await db
      .insertInto('kb_articles')
      .values(batch.map((a) => ({ slug: a.slug, title: a.title, body: a.parts.join('\n\n'), tags: a.tags, locale: 'en', status: 'published' as const, published_at: new Date() })))
      .returning(['id', 'slug'])
      .execute();
    const vectors = await embedder.embed(batch.flatMap((a) => a.parts.map((p) => `${a.title}\n${p}`)));
    out.passages.push(...batch.flatMap((a) => a.parts.map((text) => ({ slug: a.slug, text }))));
    const chunks = await db
      .insertInto('kb_chunks')
      .values(
        batch.flatMap((a, i) =>
          a.parts.map((p, j) => ({
            article_id: rows[i]!.id,
            ordinal: j,
            heading: null,
            body: p,
            status: 'published' as const,
            locale: 'en',
            config: 'english',
            search_vector: sql`kb_chunk_document('english', ${a.title}, null, ${a.tags}::text[], ${p})`,
            embedding: vectorBytes(vectors[i * 2 + j]!),
            embedding_model: embedder.model,
          })),
        ),
      )
      .returning('id')
      .execute();
    await db
      .insertInto('kb_chunk_vectors')
      .values(chunks.map((c, k) => ({ chunk_id: c.id, status: 'published' as const, locale: 'en', model: embedder.model, bits: sql`${vectorCode(vectors[k]!)}::varbit` })))
      .execute();
    out.vectors.push(...chunks.map((c, k) => ({ id: c.id, vector: Float32Array.from(vectors[k]!) })));
  }
  await sql`analyze`.execute(db);
  return out;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)]!;
const stats = (times: number[]) => ({ p50: percentile(times, 50), p95: percentile(times, 95), max: Math.max(...times) });
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** The result, the wall time and this process's CPU time (on PGlite, the database's own work too). */
async function timed<T>(fn: () => Promise<T>): Promise<[T, number, number]> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await fn();
  const used = process.cpuUsage(cpu);
  return [result, performance.now() - started, (used.user + used.system) / 1000];
}

/** The full-text query as it was before the rework: ts_rank over every passage sharing a word with the question. */
const unbounded = (db: Kysely<DB>, q: string) =>
  sql<{ slug: string }>`
    with query as (select nullif(replace(plainto_tsquery('english', ${q})::text, ' & ', ' | '), '')::tsquery as tsq)
    select a.slug from query, kb_chunks c join kb_articles a on a.id = c.article_id
     where query.tsq is not null and c.search_vector @@ query.tsq and a.status = 'published'
     order by ts_rank(c.search_vector, query.tsq) desc, c.id limit 30`.execute(db);

async function measure(name: string, db: Kysely<DB>) {
  const [seeded, seedMs] = await timed(() => seed(db));
  console.log(`${name}: seeded ${ARTICLES} articles (${ARTICLES * 2} passages) in ${(seedMs / 1000).toFixed(1)} s`);
  // Questions: four words taken from a random passage plus two words from elsewhere.
  const questions = Array.from({ length: QUERIES }, () => {
    const source = pick(seeded.passages);
    const words = source.text.replace(/[.]/g, '').split(' ');
    return { q: [...Array.from({ length: 4 }, () => pick(words)), pick(TOPICS), pick(JARGON)].join(' '), slug: source.slug };
  });
  // The plans: a rare word's count and the ranking of its candidates use the GIN index.
  const rare = (await sql<{ lexeme: string }>`select l.lexeme from unnest(tsvector_to_array(to_tsvector('english', ${questions[0]!.q}))) as l(lexeme)`.execute(db)).rows.map((r) => r.lexeme);
  const scans = new Set<string>();
  for (const lexeme of rare) {
    const plan = await sql<{ 'QUERY PLAN': string }>`explain select count(*) from (select 1 from kb_chunks c where c.search_vector @@ ${`'${lexeme}'`}::tsquery and c.status in ('published') limit 501) m`.execute(db);
    scans.add(`${lexeme}: ${plan.rows.map((r) => /(Bitmap Index Scan on \w+|Seq Scan on \w+|Index Scan using \w+)/.exec(r['QUERY PLAN'])?.[1]).filter(Boolean).join(', ')}`);
  }
  console.log(`  plans     word counts of the first question: ${[...scans].join('; ')}`);
  const bare: number[] = [];
  for (let i = 0; i < QUERIES; i++) bare.push((await timed(() => sql`select 1`.execute(db)))[1]);
  const floor = stats(bare);
  console.log(`  bare      select 1: p50 ${ms(floor.p50)}, p95 ${ms(floor.p95)}`);

  const config = parseConfig({ defaults: { dataDir: '/nonexistent' } }).config;
  const top10 = new Map<string, string[]>();
  for (const mode of ['fulltext', 'hybrid'] as const) {
    const deps = { db, clock: new FakeClock(), config, ai: { embedder: mode === 'hybrid' ? embedder : null } };
    const [, coldMs] = await timed(() => searchKb(deps, null, { q: questions[0]!.q, limit: 10 }));
    const times: number[] = [];
    const cpuTimes: number[] = [];
    let found = 0;
    for (const question of questions) {
      const [result, took, cpu] = await timed(() => searchKb(deps, null, { q: question.q, limit: 10 }));
      times.push(took);
      cpuTimes.push(cpu);
      if (result.mode !== mode) throw new Error(`expected ${mode}, got ${result.mode}`);
      const slugs = result.items.map((h) => h.article.slug);
      if (slugs.includes(question.slug)) found++;
      if (mode === 'fulltext') top10.set(question.q, slugs);
    }
    const s = stats(times);
    const c = stats(cpuTimes);
    console.log(
      `  ${mode.padEnd(9)} ${QUERIES} searches: p50 ${ms(s.p50)}, p95 ${ms(s.p95)} (${(s.p95 / floor.p95).toFixed(0)}× bare), max ${ms(s.max)}; CPU of this process p50 ${ms(c.p50)}, p95 ${ms(c.p95)}; first search ${ms(coldMs)}; source article in top 10: ${found}/${QUERIES}`,
    );
  }

  // The old unbounded full-text ranking, for time and for what the bounded one keeps of its top 10.
  const times: number[] = [];
  let kept = 0;
  let total = 0;
  let found = 0;
  for (const question of questions) {
    const [result, took] = await timed(() => unbounded(db, question.q));
    times.push(took);
    const old = [...new Set(result.rows.map((r) => r.slug))].slice(0, 10);
    const now = new Set(top10.get(question.q));
    kept += old.filter((s) => now.has(s)).length;
    total += old.length;
    if (old.includes(question.slug)) found++;
  }
  const u = stats(times);
  console.log(`  unbounded full-text SQL: p50 ${ms(u.p50)}, p95 ${ms(u.p95)}; source article in top 10: ${found}/${QUERIES}; bounded ranking keeps ${kept}/${total} of its top-10 articles`);

  // The vector pre-filter against an exact scan.
  let overlap = 0;
  for (const question of questions) {
    const q = (await embedder.embed([question.q]))[0]!;
    const exact = seeded.vectors
      .map((v) => ({ id: v.id, sim: v.vector.reduce((n, x, i) => n + x * q[i]!, 0) }))
      .sort((a, b) => b.sim - a.sim)
      .slice(0, 50);
    const got = new Set((await nearestPassages(db, embedder.model, q, { statuses: ['published'] }, 50)).map((r) => r.id));
    overlap += exact.filter((e) => got.has(e.id)).length;
  }
  console.log(`  vectors   Hamming pre-filter + exact re-scoring finds ${overlap}/${QUERIES * 50} (${((overlap / (QUERIES * 50)) * 100).toFixed(1)} %) of the exact 50 nearest passages`);
}

console.log(`KB search benchmark: ${ARTICLES} articles, ${QUERIES} searches per mode; ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)} (shared machine: other work runs alongside)`);

const only = process.env.BENCH_DB; // pglite | postgres: one database only
if (only !== 'postgres') {
  const pglite = await PGlite.create();
  const lite = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }) });
  await migrate(lite);
  await measure('PGlite (embedded, in memory)', lite);
  await lite.destroy();
  await pglite.close();
}

const name = `nexus_i13k_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: `${PG_URL}/postgres` });
let reachable = only !== 'pglite';
if (reachable) {
  try {
    await admin.connect();
  } catch (error) {
    reachable = false;
    console.log(`Postgres server: skipped (${(error as Error).message})`);
  }
}
if (reachable) {
  await admin.query(`create database ${name}`);
  const pool = new pg.Pool({ connectionString: `${PG_URL}/${name}`, max: 2, Client: PreparedStatementClient });
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
  console.log(`load at the end ${loadavg()[0]!.toFixed(2)}`);
}
