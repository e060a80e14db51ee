// Search ranking quality on the scale benchmark's database (issue 14, acceptance 3).
//   npx tsx scripts/search-quality.ts save <file>      records the first 10 results of a fixed query set
//   npx tsx scripts/search-quality.ts compare <file>   compares today's results with a recording
// The snippets of those results are recorded beside it (<file>.snippets.json) and compared as well.
// For each query: overlap@10 (shared tickets / 10) and, for relevance, the old score ratio — the sum of
// the pre-issue-14 ranking score (ts_rank of the subject, weight A, plus each visible message, 'simple'
// configuration, computed from the text) over today's top 10 divided by the same sum over the
// recorded top 10 (1.00 = as good by the old measure). Newest-first results must be identical.
// BENCH_SCALE_DATABASE names the database (default nexus_bench_scale).
import { readFileSync, writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config/parse-config.js';
import { openDatabase } from '../src/core/db/database.js';
import { listTickets } from '../src/core/tickets/list-tickets.js';
import { toActor } from '../src/core/users/user.js';
import { urlFor } from '../test/support/postgres.js';

const QUERIES = [
  'chargeback', 'refund', 'login', 'invoice', 'password', 'printer battery', 'cannot login', 'crash mobile app',
  'upgrade plan discount', '"password reset"', '"chargeback on my card"', '"refund request"', 'refund -invoice', 'export or import',
];
const SORTS = ['relevance', '-created'] as const;

const [mode, file] = process.argv.slice(2);
if ((mode !== 'save' && mode !== 'compare') || !file) {
  console.error('usage: tsx scripts/search-quality.ts save|compare <file>');
  process.exit(2);
}
const database = await openDatabase({ dataDir: '.tmp/bench/scale', databaseUrl: urlFor(process.env.BENCH_SCALE_DATABASE ?? 'nexus_bench_scale'), command: 'search quality' });
try {
  const db = database.db;
  const admin = toActor(await db.selectFrom('users').selectAll().where('role', '=', 'admin').orderBy('created_at').executeTakeFirstOrThrow());
  const deps = { db, clock: systemClock, config: parseConfig({ defaults: { dataDir: '.tmp/bench/scale' } }).config };
  const results: Record<string, number[]> = {};
  const snippets: Record<string, (string | null)[]> = {};
  for (const q of QUERIES) {
    for (const sort of SORTS) {
      const { items } = await listTickets(deps, admin, { q, sort, limit: 10 });
      results[`${sort} ${q}`] = items.map((t) => t.number);
      snippets[`${sort} ${q}`] = items.map((t) => t.snippet);
    }
  }
  if (mode === 'save') {
    writeFileSync(file, JSON.stringify(results, null, 2));
    writeFileSync(`${file}.snippets.json`, JSON.stringify(snippets, null, 2));
    console.log(`saved ${Object.keys(results).length} result lists to ${file}`);
  } else {
    const before = JSON.parse(readFileSync(file, 'utf8')) as Record<string, number[]>;
    /** The pre-issue-14 relevance score of each ticket, recomputed from its text. */
    const oldScore = async (q: string, numbers: number[]): Promise<number> => {
      if (numbers.length === 0) return 0;
      const { rows } = await sql<{ score: number }>`
        select coalesce(sum(ts_rank(setweight(to_tsvector('simple', t.subject), 'A'), websearch_to_tsquery('simple', ${q}))), 0)
             + coalesce((select sum(ts_rank(to_tsvector('simple', m.body), websearch_to_tsquery('simple', ${q})))
                           from messages m join tickets t2 on t2.id = m.ticket_id
                          where t2.number = any(${numbers}::int[]) and to_tsvector('simple', m.body) @@ websearch_to_tsquery('simple', ${q})), 0) as score
          from tickets t where t.number = any(${numbers}::int[])`.execute(db);
      return Number(rows[0]!.score);
    };
    console.log(`${'query'.padEnd(40)} ${'overlap@10'.padStart(10)} ${'old score ratio'.padStart(16)}`);
    let overlapSum = 0;
    let identical = 0;
    for (const [key, was] of Object.entries(before)) {
      const now = results[key] ?? [];
      const shared = now.filter((n) => was.includes(n)).length;
      const overlap = was.length === 0 && now.length === 0 ? 1 : shared / Math.max(was.length, now.length);
      overlapSum += overlap;
      if (JSON.stringify(was) === JSON.stringify(now)) identical++;
      const q = key.slice(key.indexOf(' ') + 1);
      const ratio = key.startsWith('relevance') ? (await oldScore(q, now)) / Math.max(await oldScore(q, was), Number.EPSILON) : null;
      console.log(`${key.padEnd(40)} ${overlap.toFixed(2).padStart(10)} ${(ratio === null ? '—' : ratio.toFixed(2)).padStart(16)}${JSON.stringify(was) === JSON.stringify(now) ? '  identical' : ''}`);
    }
    const n = Object.keys(before).length;
    console.log(`mean overlap@10 ${(overlapSum / n).toFixed(2)}; ${identical} of ${n} lists identical`);
    const snippetsBefore = JSON.parse(readFileSync(`${file}.snippets.json`, 'utf8')) as Record<string, (string | null)[]>;
    const sameSnippets = Object.keys(snippetsBefore).filter((key) => JSON.stringify(snippetsBefore[key]) === JSON.stringify(snippets[key])).length;
    console.log(`snippets: ${sameSnippets} of ${Object.keys(snippetsBefore).length} lists identical`);
  }
} finally {
  await database.close();
}
