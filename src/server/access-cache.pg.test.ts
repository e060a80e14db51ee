import type { FastifyInstance } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TEST_PASSWORD, useTestDatabase } from '../../test/support/db.js';
import type { DB } from '../core/db/schema.js';
import { createServices, type Services } from '../core/services.js';
import { buildServer } from './app.js';

// Postgres only: the API on a Postgres server remembers checked access tokens (issue 14) and must forget
// them when access changes — in this process, or in another one writing to the same database.
const t = useTestDatabase();
let app: FastifyInstance;
let services: Services;
/** Another process on the same database: its own pool and services, whose changes only the database announces. */
let otherDb: Kysely<DB>;
let other: Services;

beforeAll(async () => {
  services = createServices({ ...t.deps, config: { ...t.deps.config, databaseUrl: t.url } });
  app = await buildServer({ services, rateLimitPerMinute: false });
  await app.ready();
  otherDb = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: t.url, max: 2 }) }) });
  other = createServices({ ...t.deps, db: otherDb });
});
afterAll(async () => {
  await app?.close();
  await otherDb?.destroy();
});

const me = (token: string) => app.inject({ method: 'GET', url: '/v1/auth/me', headers: { authorization: `Bearer ${token}` } });

async function login(email: string): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/v1/auth/login', payload: { email, password: TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return (res.json() as { accessToken: string }).accessToken;
}

/** Requests with the token until its check is remembered (the server listens once its connection is up). */
async function remembered(token: string): Promise<void> {
  const verify = vi.spyOn(services.auth, 'verifyAccessToken');
  try {
    const deadline = Date.now() + 10_000;
    for (;;) {
      verify.mockClear();
      expect((await me(token)).statusCode).toBe(200);
      if (verify.mock.calls.length === 0) return;
      if (Date.now() > deadline) throw new Error('the token check was never remembered');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    verify.mockRestore();
  }
}

/** Requests with the token until it is refused; returns how long that took. */
async function refusedWithin(token: string, deadlineMs = 5000): Promise<number> {
  const started = Date.now();
  for (;;) {
    const status = (await me(token)).statusCode;
    if (status === 401) return Date.now() - started;
    expect(status).toBe(200);
    if (Date.now() - started > deadlineMs) throw new Error(`still accepted after ${deadlineMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe('remembered access tokens', () => {
  it('Given a remembered token, then the next requests need no database check', async () => {
    const ana = await t.user('customer');
    const token = await login(ana.email);
    await remembered(token);
    const verify = vi.spyOn(services.auth, 'verifyAccessToken');
    for (let i = 0; i < 3; i++) expect((await me(token)).statusCode).toBe(200);
    expect(verify).not.toHaveBeenCalled();
    verify.mockRestore();
  });

  it('Given an admin of this process disables the account, then its remembered token is refused on the very next request', async () => {
    const admin = await t.user('admin');
    const bo = await t.user('agent');
    const token = await login(bo.email);
    await remembered(token);
    await services.users.setDisabled(admin, { email: bo.email, disabled: true });
    expect((await me(token)).statusCode).toBe(401);
  });

  it('Given another process disables the account or logs the session out, then the remembered token is refused once the database tells this one', async () => {
    const admin = await t.user('admin');
    const cy = await t.user('agent');
    const first = await login(cy.email);
    await remembered(first);
    await other.users.setDisabled(admin, { email: cy.email, disabled: true });
    const disabledAfter = await refusedWithin(first);

    const dee = await t.user('customer');
    const second = await login(dee.email);
    await remembered(second);
    await other.auth.logOut({ id: dee.id, email: dee.email, name: dee.name, role: 'customer' }, { everywhere: true });
    const loggedOutAfter = await refusedWithin(second);

    // A direct change in the database (no Nexus process involved) is announced by its trigger too.
    const eve = await t.user('customer');
    const third = await login(eve.email);
    await remembered(third);
    await otherDb.updateTable('users').set({ is_disabled: true }).where('id', '=', eve.id).execute();
    const directAfter = await refusedWithin(third);
    console.log(`refused after another process's change: disable ${disabledAfter} ms, logout ${loggedOutAfter} ms, direct update ${directAfter} ms`);
  });
});
