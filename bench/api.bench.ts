// The REST API against a bare Fastify + pg endpoint doing the same insert/select, in the same run, on
// the Postgres server (issue 4, acceptance 7). Target: Nexus at ≥ 40% of the bare endpoint's throughput.
// autocannon runs as a separate process so it does not share the servers' event loop.
// BENCH_SECONDS (default 5), BENCH_CONNECTIONS (default 10) and BENCH_ROUNDS (default 2) change the runs.
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { promisify } from 'node:util';
import Fastify from 'fastify';
import pg from 'pg';
import { systemClock } from '../src/core/clock.js';
import { parseConfig } from '../src/core/config/parse-config.js';
import { openDatabase } from '../src/core/db/database.js';
import { createServices } from '../src/core/services.js';
import { buildServer } from '../src/server/app.js';
import { isPostgresReachable, urlFor, withAdminClient } from '../test/support/postgres.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 2);

if (!(await isPostgresReachable())) {
  console.log('api bench skipped: no Postgres server at 127.0.0.1:5432 (set NEXUS_TEST_DATABASE_URL)');
  process.exit(0);
}

const name = `nexus_bench_api_${process.pid}`;
await withAdminClient((c) => c.query(`create database ${name}`));
const databaseUrl = urlFor(name);
const { config } = parseConfig({ defaults: { dataDir: '.tmp/bench/api', databaseUrl, secretKey: 'bench-secret-key-that-is-long-enough-000', bcryptCost: 4, logLevel: 'silent' } });
const database = await openDatabase({ dataDir: config.dataDir, databaseUrl, command: 'bench api', poolSize: 10 });
const services = createServices({ db: database.db, clock: systemClock, config });
const nexus = await buildServer({ services, rateLimitPerMinute: false });
const nexusUrl = await nexus.listen({ host: '127.0.0.1', port: 0 });

const pool = new pg.Pool({ connectionString: databaseUrl, max: 10 });
pool.on('error', () => {}); // the database is dropped (with force) at the end
const bare = Fastify();
// The bare endpoint trusts an `x-customer` header where Nexus checks a token.
const customerOf = (request: { headers: Record<string, unknown> }) => String(request.headers['x-customer']);
bare.post('/tickets', async (request, reply) => {
  const { subject, message } = request.body as { subject: string; message: string };
  const customerId = customerOf(request);
  const client = await pool.connect();
  try {
    await client.query('begin');
    const ticket = await client.query('insert into tickets (subject, customer_id) values ($1, $2) returning *', [subject, customerId]);
    await client.query(`insert into messages (ticket_id, kind, author_id, body) values ($1, 'customer', $2, $3)`, [ticket.rows[0].id, customerId, message]);
    await client.query('commit');
    return reply.code(201).send({ ticket: ticket.rows[0] });
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    client.release();
  }
});
bare.get('/tickets', async (request) => ({
  tickets: (await pool.query('select * from tickets where customer_id = $1 and deleted_at is null order by created_at desc, number desc limit 25', [customerOf(request)])).rows,
}));
// The same core use cases behind the bare server (no auth, plugins or schemas): what the HTTP layer costs.
const actors = new Map<string, { id: string; email: string; name: string; role: 'customer' }>();
bare.post('/core/tickets', async (request, reply) => {
  const { subject, message } = request.body as { subject: string; message: string };
  return reply.code(201).send(await services.tickets.create(actors.get(customerOf(request))!, { subject, message }));
});
bare.get('/core/tickets', async (request) => services.tickets.list(actors.get(customerOf(request))!, {}));
const bareUrl = await bare.listen({ host: '127.0.0.1', port: 0 });

// Customers, each with a token and a few tickets; the load takes turns over them.
const CUSTOMERS = 50;
const customers: { id: string; token: string }[] = [];
for (let i = 0; i < CUSTOMERS; i++) {
  const pair = await services.auth.register({ email: `bench${i}@example.com`, password: 'bench password', name: `Bench ${i}` });
  customers.push({ id: pair.user.id, token: pair.accessToken });
  actors.set(pair.user.id, { id: pair.user.id, email: pair.user.email, name: pair.user.name ?? '', role: 'customer' });
  for (let j = 0; j < 5; j++) await services.tickets.create({ id: pair.user.id, email: pair.user.email, name: pair.user.name ?? '', role: 'customer' }, { subject: `Seed ${j}`, message: 'seed' });
}

interface Load {
  statusCodes?: Record<string, { count: number }>;
  average: number;
  total: number;
  non2xx: number;
  errors: number;
  p50: number;
  p99: number;
}

// Asynchronous on purpose: the servers under test run in this process's event loop.
async function cannon(url: string, method: 'GET' | 'POST', headersList: Record<string, string>[]): Promise<Load> {
  const options = { url, method, headersList, connections: CONNECTIONS, duration: SECONDS, post: method === 'POST' };
  const { stdout } = await promisify(execFile)(process.execPath, ['bench/autocannon-child.mjs', JSON.stringify(options)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const result = JSON.parse(stdout) as Load;
  if (result.non2xx > 0 || result.errors > 0 || result.total === 0) {
    throw new Error(`${method} ${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors, ${result.total} requests; status codes ${JSON.stringify(result.statusCodes)}`);
  }
  return result;
}

/**
 * BENCH_CPU_PROF=<prefix>: a V8 CPU profile of this process while only the Nexus API is under load (the
 * bare servers idle), one per route: <prefix>-post.cpuprofile, <prefix>-get.cpuprofile (open in Chrome
 * DevTools or speedscope).
 */
async function profiled<T>(name: string, work: () => Promise<T>): Promise<T> {
  const prefix = process.env.BENCH_CPU_PROF;
  if (!prefix) return work();
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.start');
  try {
    return await work();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(`${prefix}-${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}

try {
  const nexusHeaders = customers.map((c) => ({ authorization: `Bearer ${c.token}` }));
  const bareHeaders = customers.map((c) => ({ 'x-customer': c.id }));
  const rows: [string, Load, Load, Load][] = [];
  for (const [label, method] of [['POST /v1/tickets', 'POST'], ['GET /v1/tickets', 'GET']] as const) {
    // Alternating rounds, best of each: the machine is shared, so one slow moment must not decide a ratio.
    const best: (Load | undefined)[] = [undefined, undefined, undefined];
    for (let round = 0; round < ROUNDS; round++) {
      const loads = [
        await profiled(`${method.toLowerCase()}-${round}`, () => cannon(`${nexusUrl}/v1/tickets`, method, nexusHeaders)),
        await cannon(`${bareUrl}/tickets`, method, bareHeaders),
        await cannon(`${bareUrl}/core/tickets`, method, bareHeaders),
      ];
      loads.forEach((load, i) => {
        if (!best[i] || load.average > best[i]!.average) best[i] = load;
      });
    }
    rows.push([label, best[0]!, best[1]!, best[2]!]);
  }
  console.log(`\n${CONNECTIONS} connections, ${SECONDS} s per run, best of ${ROUNDS} alternating rounds, ${CUSTOMERS} customers, Postgres server, pool of 10 each`);
  console.log('req/s (p50/p99 ms)  nexus API                bare Fastify + pg        core use case, bare route   nexus/bare   nexus/core');
  for (const [label, ours, theirs, core] of rows) {
    const ratio = ours.average / theirs.average;
    const cell = (l: Load) => `${l.average.toFixed(0).padStart(6)} (${l.p50}/${l.p99})`.padEnd(24);
    console.log(
      `${label.padEnd(18)}  ${cell(ours)} ${cell(theirs)} ${cell(core)}    ${`${(ratio * 100).toFixed(0)}%`.padStart(4)} ${ratio >= 0.4 ? 'ok' : 'below the 40% target'}   ${((100 * ours.average) / core.average).toFixed(0).padStart(4)}%`,
    );
  }
} finally {
  await nexus.close();
  await bare.close();
  await pool.end();
  await database.close();
  await withAdminClient((c) => c.query(`drop database if exists ${name} with (force)`));
}
