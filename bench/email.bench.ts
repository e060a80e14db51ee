// Email ingestion throughput (issue 10, acceptance 7): 1,000 messages through the replay path of
// `nexus email ingest` (parse, classify, dedupe, thread, ticket use case, acknowledgement queued) on the
// embedded PGlite and on the Postgres server, against the limit — the same 1,000 customer messages
// created through the core createTicket / replyToTicket use cases directly. Target ≥ 100 msg/s on Postgres.
// The files go in one replay call, as `nexus email ingest *.eml` delivers them; each message still
// commits on its own. On Postgres the run also counts the statements sent per message (round trips,
// BEGIN and COMMIT included), a number the machine's load does not change.
//   BENCH_EMAIL_MESSAGES=1000 NEXUS_TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- email
import { loadavg, cpus } from 'node:os';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config/parse-config.js';
import { migrate } from '../src/core/db/migrator.js';
import { PreparedStatementClient } from '../src/core/db/prepared-client.js';
import type { DB } from '../src/core/db/schema.js';
import { createServices } from '../src/core/services.js';
import { toActor } from '../src/core/users/user.js';

/** Counts the statements the Postgres pool sends (the PGlite run reports none). */
class CountingClient extends PreparedStatementClient {
  static sent = 0;
  override query(...args: any[]): any {
    CountingClient.sent += 1;
    return (super.query as (...a: any[]) => any)(...args);
  }
}

const COUNT = Number(process.env.BENCH_EMAIL_MESSAGES ?? 1000);
const CUSTOMERS = Math.max(1, Math.floor(COUNT / 4));
const MAILBOX = 'support@bench.test';
const config = parseConfig({ defaults: { dataDir: '/nonexistent', secretKey: 'bench-secret-key-that-is-long-enough-0123', 'ai.enabled': false } }).config;

interface Item {
  customer: number;
  index: number;
  raw: Uint8Array;
  subject: string;
  body: string;
  reply: boolean;
}

/** Each customer writes a first mail, then replies to their own previous one (In-Reply-To/References). */
function corpus(): Item[] {
  const items: Item[] = [];
  for (let i = 0; i < COUNT; i += 1) {
    const customer = i % CUSTOMERS;
    const round = Math.floor(i / CUSTOMERS);
    const subject = `Order ${10_000 + customer} question`;
    const body = `Hello,\r\nround ${round}: my order ${10_000 + customer} has not arrived yet. Could you check the tracking?\r\n\r\nThanks,\r\nCustomer ${customer}\r\n`;
    const refs = Array.from({ length: round }, (_, r) => `<m-${customer}-${r}@customer.test>`).join(' ');
    const headers = [`From: Customer ${customer} <c${customer}@customer.test>`, `To: ${MAILBOX}`, `Subject: ${round > 0 ? 'Re: ' : ''}${subject}`, `Message-ID: <m-${customer}-${round}@customer.test>`, `Date: Wed, 25 Nov 2026 09:${String(round).padStart(2, '0')}:00 +0000`, 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', ...(round > 0 ? [`In-Reply-To: <m-${customer}-${round - 1}@customer.test>`, `References: ${refs}`] : [])];
    items.push({ customer, index: i, raw: new Uint8Array(Buffer.from([...headers, '', body].join('\r\n'))), subject, body, reply: round > 0 });
  }
  return items;
}

async function measure(db: Kysely<DB>, items: Item[]) {
  const services = createServices({ db, clock: systemClock, config });
  const admin = toActor(await db.insertInto('users').values({ email: 'admin@bench.test', name: 'Admin', role: 'admin', password_hash: null }).returningAll().executeTakeFirstOrThrow());
  const files = items.map((item) => ({ name: `${item.index}.eml`, raw: item.raw }));
  let statements = CountingClient.sent;
  let started = performance.now();
  const decisions: Record<string, number> = {};
  for (const result of await services.email.ingestFiles(admin, { mailbox: MAILBOX, files })) decisions[result.decision] = (decisions[result.decision] ?? 0) + 1;
  const ingestMs = performance.now() - started;
  const ingestStatements = CountingClient.sent - statements;

  // The limit: the same messages through the ticket use cases, no mail work at all.
  await db.deleteFrom('email_outbox').execute();
  await db.deleteFrom('email_messages').execute();
  await db.deleteFrom('tickets').execute();
  const actors = new Map<number, ReturnType<typeof toActor>>();
  const tickets = new Map<number, number>();
  statements = CountingClient.sent;
  started = performance.now();
  for (const item of items) {
    let actor = actors.get(item.customer);
    if (!actor) {
      actor = toActor(await db.selectFrom('users').selectAll().where('email', '=', `c${item.customer}@customer.test`).executeTakeFirstOrThrow());
      actors.set(item.customer, actor);
    }
    const number = tickets.get(item.customer);
    if (number === undefined) tickets.set(item.customer, (await services.tickets.create(actor, { subject: item.subject, message: item.body, source: 'email' })).ticket.number);
    else await services.tickets.reply(actor, { ticket: number, body: item.body });
  }
  const directMs = performance.now() - started;
  return { decisions, ingestMs, directMs, ingestStatements, directStatements: CountingClient.sent - statements };
}

function report(name: string, r: Awaited<ReturnType<typeof measure>>) {
  const rate = (ms: number) => (COUNT / (ms / 1000)).toFixed(0);
  console.log(`${name.padEnd(9)} ingest ${rate(r.ingestMs).padStart(5)} msg/s (${(r.ingestMs / COUNT).toFixed(2)} ms/msg)   direct use case ${rate(r.directMs).padStart(5)} msg/s (${(r.directMs / COUNT).toFixed(2)} ms/msg)   ingest costs ${(r.ingestMs / r.directMs).toFixed(2)}× the use case   ${JSON.stringify(r.decisions)}`);
  if (r.ingestStatements > 0) console.log(`${''.padEnd(9)} statements per message: ingest ${(r.ingestStatements / COUNT).toFixed(2)}, direct use case ${(r.directStatements / COUNT).toFixed(2)}`);
  return Number(rate(r.ingestMs));
}

console.log(`${COUNT} messages (${CUSTOMERS} customers, first mail + threaded replies); machine: ${cpus().length} cores, load ${loadavg()[0]!.toFixed(2)} (shared: numbers are measured under contention)`);
const items = corpus();

// BENCH_EMAIL_PGLITE=0 measures the Postgres server only.
if (process.env.BENCH_EMAIL_PGLITE !== '0') {
  const pglite = await PGlite.create();
  const embedded = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }) });
  await migrate(embedded);
  report('PGlite', await measure(embedded, items));
  await embedded.destroy();
  await pglite.close();
}

const serverUrl = process.env.NEXUS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `nexus_i10_bench_${process.pid}`;
const admin = new pg.Client({ connectionString: serverUrl });
let pgRate: number | null = null;
try {
  await admin.connect();
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 10, Client: CountingClient });
  // Dropping the database ends connections still closing: not an error of the run.
  pool.on('error', () => {});
  const server = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  try {
    await migrate(server);
    pgRate = report('Postgres', await measure(server, items));
  } finally {
    await server.destroy();
    await admin.query(`drop database if exists ${name} with (force)`);
  }
} catch (error) {
  console.log(`Postgres: skipped (${(error as Error).message})`);
} finally {
  await admin.end().catch(() => {});
}
if (pgRate !== null) console.log(`Target ≥ 100 msg/s on Postgres: ${pgRate >= 100 ? 'MET' : 'NOT MET'} (${pgRate} msg/s)`);
