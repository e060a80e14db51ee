// Ticket search with and without the GIN pending list (issue 14; migration 20261202160100).
//   TARGET=pglite|postgres SEED=<tickets> WRITES=<messages> npx tsx scripts/search-pending-list.ts
// Copies a seeded desk twice (a PGlite folder, or a server database by `create database … template`),
// sets fastupdate on in one copy and off in the other, times searches (rare word by relevance and newest
// first, two words by relevance) clean, then writes WRITES/2 tickets and WRITES messages through the
// triggers, and times the searches again. TEMPLATE_DIR / TEMPLATE_DB name an existing seeded desk (else
// one of SEED tickets is seeded under .tmp/w16 or as w16_gin_template_<SEED>); ADMIN its admin's email.
// Run it under the bench lock: flock /tmp/nexus-bench.lock nice -n 5 npx tsx scripts/search-pending-list.ts
import { cpSync, existsSync, rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { sql, type Kysely } from 'kysely';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config/parse-config.js';
import { openDatabase, type Database } from '../src/core/db/database.js';
import type { DB } from '../src/core/db/schema.js';
import { listTickets } from '../src/core/tickets/list-tickets.js';
import { toActor } from '../src/core/users/user.js';
import { urlFor, withAdminClient } from '../test/support/postgres.js';
import { RARE_WORD, seedTickets } from '../bench/tickets-seed.js';

const TARGET = process.env.TARGET ?? 'pglite';
const SEED = Number(process.env.SEED ?? 100_000);
const WRITES = Number(process.env.WRITES ?? 5000);
const RUNS = 20;
const template = process.env.TEMPLATE_DIR ?? `.tmp/w16/gin-template-${SEED}`;
const ADMIN = process.env.ADMIN ?? 'gin-admin@example.com';
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))]!;

async function open(variant: string): Promise<Database> {
  if (TARGET === 'pglite') {
    const dir = `.tmp/w16/gin-${variant}`;
    rmSync(dir, { recursive: true, force: true });
    if (!existsSync(template)) {
      const d = await openDatabase({ dataDir: template, command: 'gin' });
      await seedTickets(d.db, SEED);
      await sql`insert into users (email, name, role) values ('gin-admin@example.com', 'A', 'admin')`.execute(d.db);
      await sql`vacuum analyze`.execute(d.db);
      await d.close();
    }
    cpSync(template, dir, { recursive: true });
    return openDatabase({ dataDir: dir, command: 'gin' });
  }
  const name = `w16_gin_${variant}`;
  const tpl = process.env.TEMPLATE_DB ?? `w16_gin_template_${SEED}`;
  const has = await withAdminClient(async (c) => (await c.query('select 1 from pg_database where datname = $1', [tpl])).rowCount === 1);
  if (!has) {
    await withAdminClient((c) => c.query(`create database ${tpl}`));
    const d = await openDatabase({ dataDir: '.tmp/w16/x', databaseUrl: urlFor(tpl), command: 'gin' });
    await seedTickets(d.db, SEED);
    await sql`insert into users (email, name, role) values ('gin-admin@example.com', 'A', 'admin')`.execute(d.db);
    await sql`vacuum analyze`.execute(d.db);
    await d.close();
  }
  await withAdminClient(async (c) => { await c.query(`drop database if exists ${name}`); await c.query(`create database ${name} template ${tpl}`); });
  return openDatabase({ dataDir: '.tmp/w16/x', databaseUrl: urlFor(name), command: 'gin' });
}

async function searches(db: Kysely<DB>): Promise<string> {
  const config = parseConfig({ defaults: { dataDir: '.tmp/w16/x' } }).config;
  const admin = toActor(await db.selectFrom('users').selectAll().where('email', '=', ADMIN).executeTakeFirstOrThrow());
  const out: string[] = [];
  for (const [q, sort] of [[RARE_WORD, 'relevance'], [RARE_WORD, '-created'], ['printer battery', 'relevance']] as const) {
    const xs: number[] = [];
    for (let i = 0; i < RUNS + 2; i++) {
      const t = performance.now();
      await listTickets({ db, clock: systemClock, config }, admin, { q, sort });
      if (i >= 2) xs.push(performance.now() - t);
    }
    out.push(`${q}/${sort} ${pct(xs, 0.5).toFixed(1)}/${pct(xs, 0.95).toFixed(1)}`);
  }
  return out.join('  ');
}

for (const fast of ['on', 'off']) {
  const d = await open(fast);
  try {
    const db = d.db;
    await sql.raw(`alter index ticket_search_document_idx set (fastupdate = ${fast})`).execute(db);
    console.log(`[${TARGET} ${SEED} fastupdate=${fast}] clean: ${await searches(db)}  (load ${loadavg()[0]!.toFixed(1)})`);
    // WRITES messages in batches of 100 statements of one row (the triggers run row by row anyway), half on new tickets.
    const t0 = performance.now();
    const perBatch = 50;
    for (let b = 0; b < WRITES / (2 * perBatch); b++) {
      await db.transaction().execute(async (trx) => {
        for (let i = 0; i < perBatch; i++) {
          const { rows } = await sql<{ id: string }>`insert into tickets (subject, status, priority, source, customer_id)
            values (${`New ticket ${b}-${i} about my printer`}, 'open', 'medium', 'web', (select id from users where role = 'customer' limit 1)) returning id`.execute(trx);
          await sql`insert into messages (ticket_id, kind, body) values (${rows[0]!.id}, 'customer', ${`The printer battery ${b} ${i} is broken again, please help with the refund of order ${b * 100 + i}`})`.execute(trx);
          await sql`insert into messages (ticket_id, kind, body) values ((select ticket_id from ticket_search order by created_at desc offset ${(b * perBatch + i) % 997 + 10} limit 1), 'customer', ${`Any news on this? Still waiting, invoice ${i} and the account login are still broken`})`.execute(trx);
        }
      });
    }
    const writeMs = performance.now() - t0;
    const pending = TARGET === 'postgres' ? ` pending list ${JSON.stringify((await sql`select * from pgstatginindex('ticket_search_document_idx')`.execute(db)).rows[0])}` : '';
    console.log(`[${TARGET} ${SEED} fastupdate=${fast}] ${WRITES / 2} tickets + ${WRITES} messages written in ${(writeMs / 1000).toFixed(1)} s (${(writeMs / (WRITES * 1.5)).toFixed(2)} ms a row)${pending}`);
    console.log(`[${TARGET} ${SEED} fastupdate=${fast}] after writes: ${await searches(db)}  (load ${loadavg()[0]!.toFixed(1)})`);
  } finally {
    await d.close();
  }
}
