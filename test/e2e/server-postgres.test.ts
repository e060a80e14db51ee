import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../support/cli.js';
import { isPostgresReachable, urlFor, withAdminClient } from '../support/postgres.js';
import { http, spawnServe, type ServeProcess } from '../support/server.js';

const reachable = await isPostgresReachable();
if (!reachable) console.warn('Skipping the Postgres server e2e: no server at 127.0.0.1:5432 (set NEXUS_TEST_DATABASE_URL)');

// Many stateless `nexus serve` processes on one Postgres: tokens, idempotency and throttling are shared.
// In CI (NEXUS_TEST_REQUIRE_SERVICES=1) a missing server fails these tests instead of skipping them.
describe.runIf(reachable || process.env.NEXUS_TEST_REQUIRE_SERVICES === '1')('nexus serve side by side on one Postgres', () => {
  const database = `nexus_e2e_serve_${process.pid}_${Date.now().toString(36)}`;
  const box = new CliSandbox({ NEXUS_DATABASE_URL: urlFor(database), NEXUS_SECRET_KEY: 'e2e-secret-key-that-is-long-enough-42' });
  let a: ServeProcess;
  let b: ServeProcess;

  beforeAll(async () => {
    await withAdminClient((c) => c.query(`create database ${database}`));
    [a, b] = await Promise.all([spawnServe(box.env), spawnServe(box.env)]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await withAdminClient((c) => c.query(`drop database if exists ${database} with (force)`));
    box.cleanup();
  });

  it('a token from one process works on the other, and one Idempotency-Key creates one ticket across both', async () => {
    const reg = await http(a.url, 'POST', '/v1/auth/register', { body: { email: 'pat@example.com', password: 'customer pass' } });
    expect(reg.status).toBe(201);
    const token = reg.json.accessToken;
    expect((await http(b.url, 'GET', '/v1/auth/me', { token })).json.email).toBe('pat@example.com');
    const body = { subject: 'Shared', message: 'one ticket please' };
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) => http(i % 2 ? a.url : b.url, 'POST', '/v1/tickets', { token, body, headers: { 'idempotency-key': 'across-processes' } })),
    );
    expect(answers.every((r) => r.status === 201 || r.status === 409)).toBe(true);
    const numbers = new Set(answers.filter((r) => r.status === 201).map((r) => r.json.ticket.number));
    expect(numbers.size).toBe(1);
    expect((await http(b.url, 'GET', '/v1/tickets', { token })).json.items).toHaveLength(1);
  });

  it('logout on one process is honoured by the other at once', async () => {
    const login = (await http(b.url, 'POST', '/v1/auth/login', { body: { email: 'pat@example.com', password: 'customer pass' } })).json;
    expect((await http(a.url, 'POST', '/v1/auth/logout', { token: login.accessToken })).status).toBe(200);
    expect((await http(b.url, 'GET', '/v1/auth/me', { token: login.accessToken })).status).toBe(401);
  });

  it('a token a server already accepted (and remembers) is refused there once another process disables the account', async () => {
    const login = (await http(b.url, 'POST', '/v1/auth/login', { body: { email: 'pat@example.com', password: 'customer pass' } })).json;
    for (let i = 0; i < 3; i++) expect((await http(b.url, 'GET', '/v1/auth/me', { token: login.accessToken })).status).toBe(200);
    // Another process entirely (an operator's SQL session) disables the account; b hears of it from the database.
    const client = new pg.Client({ connectionString: urlFor(database) });
    await client.connect();
    try {
      await client.query(`update users set is_disabled = true where email = 'pat@example.com'`);
    } finally {
      await client.end();
    }
    const deadline = Date.now() + 2000;
    let status = 200;
    while (status === 200 && Date.now() < deadline) status = (await http(b.url, 'GET', '/v1/auth/me', { token: login.accessToken })).status;
    expect(status).toBe(401);
  });

  it('SIGTERM lets in-flight requests finish before the process exits', async () => {
    const slow = await spawnServe({ ...box.env, NEXUS_BCRYPT_COST: '12' });
    await http(slow.url, 'POST', '/v1/auth/register', { body: { email: 'slow@example.com', password: 'customer pass' } });
    const inFlight = Array.from({ length: 4 }, () => http(slow.url, 'POST', '/v1/auth/login', { body: { email: 'slow@example.com', password: 'customer pass' } }));
    await new Promise((resolve) => setTimeout(resolve, 100)); // let the requests reach the server; bcrypt keeps them busy
    const exit = slow.stop('SIGTERM');
    const answers = await Promise.all(inFlight);
    expect(answers.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    expect(await exit).toBe(0);
    await expect(fetch(`${slow.url}/healthz`)).rejects.toThrow();
  });
});
