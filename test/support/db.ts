import { readFile } from 'node:fs/promises';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, inject } from 'vitest';
import type { Actor } from '../../src/core/access/permissions.js';
import { FakeClock } from '../../src/core/clock.js';
import { parseConfig } from '../../src/core/config/parse-config.js';
import type { NexusConfig } from '../../src/core/config/schema.js';
import { PreparedStatementClient } from '../../src/core/db/prepared-client.js';
import type { DB, Role } from '../../src/core/db/schema.js';
import type { Deps } from '../../src/core/deps.js';
import { createServices, type Services } from '../../src/core/services.js';
import { toActor } from '../../src/core/users/user.js';
import { urlFor, withAdminClient } from './postgres.js';

export type TestDriver = 'pglite' | 'postgres';
export const driver = (): TestDriver => (process.env.NEXUS_TEST_DB === 'postgres' ? 'postgres' : 'pglite');

/** Settings for tests: a cheap bcrypt cost, everything else at its default. */
export function testConfig(overrides: Record<string, unknown> = {}): NexusConfig {
  return parseConfig({ defaults: { dataDir: '/nonexistent/nexus-test', bcryptCost: 4, secretKey: 'test-secret-key-that-is-long-enough-0123', ...overrides } }).config;
}

let fileCounter = 0;

export interface OpenedTestDb {
  db: Kysely<DB>;
  /** A connection string other processes can use (Postgres only). */
  url?: string;
  close(): Promise<void>;
}

/** A fresh, migrated database for one test file: a PGlite clone of the template, or a Postgres clone. */
export async function openTestDb(): Promise<OpenedTestDb> {
  if (driver() === 'postgres') {
    const name = `nexus_t_${inject('runId')}_${process.pid}_${fileCounter++}`;
    await withAdminClient((c) => c.query(`create database ${name} template ${inject('postgresTemplate')}`));
    const url = urlFor(name);
    // The same driver set-up as production (openDatabase): named prepared statements.
    const pool = new pg.Pool({ connectionString: url, max: 10, Client: PreparedStatementClient });
    pool.on('error', () => {});
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      url,
      close: async () => {
        await db.destroy();
        // pg's Pool.end() resolves before its sockets are closed; a forced drop right away can kill
        // them mid-close (an unhandled 57P01). Wait, with a deadline, until the server saw them go.
        await withAdminClient(async (c) => {
          const deadline = Date.now() + 10_000;
          while (Date.now() < deadline) {
            const { rows } = await c.query<{ n: string }>('select count(*) as n from pg_stat_activity where datname = $1', [name]);
            if (Number(rows[0]!.n) === 0) break;
            await new Promise((resolve) => setTimeout(resolve, 10));
          }
          await c.query(`drop database if exists ${name} with (force)`);
        });
      },
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const tar = await readFile(inject('pgliteTemplate'));
  const pglite = await PGlite.create({ loadDataDir: new Blob([tar]) });
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }) });
  return {
    db,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

/**
 * Empties every table of the public schema and puts every sequence back at its start (ticket numbers at
 * 1001): the state `truncate <every table> restart identity cascade` leaves. Only the tables that hold
 * rows are truncated, and only the sequences that moved are restarted: on Postgres a TRUNCATE makes new
 * files for every table and index it names, and naming all 46 cost ~180 ms before every test, when a
 * test fills a handful of tables.
 */
export async function resetDb(db: Kysely<DB>): Promise<void> {
  const { rows: tables } = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public'`.execute(db);
  if (tables.length > 0) {
    const filled = await sql.raw<{ name: string }>(tables.map(({ tablename }) => `select '${tablename}' as name where exists (select from "${tablename}")`).join(' union all ')).execute(db);
    if (filled.rows.length > 0) await sql.raw(`truncate ${filled.rows.map((r) => `"${r.name}"`).join(', ')} restart identity cascade`).execute(db);
  }
  // After the truncate (which restarted the sequences its tables own): any sequence drawn from, or set
  // (a restore's setval), while its table is empty again.
  const { rows: sequences } = await sql<{ name: string; start: string }>`select sequencename as name, start_value::text as start from pg_sequences where schemaname = 'public'`.execute(db);
  if (sequences.length === 0) return;
  const moved = await sql.raw<{ name: string }>(sequences.map(({ name, start }) => `select '${name}' as name from "${name}" where is_called or last_value <> ${start}`).join(' union all ')).execute(db);
  for (const { name } of moved.rows) await sql.raw(`alter sequence "${name}" restart`).execute(db);
}

export interface TestDatabase {
  readonly db: Kysely<DB>;
  readonly url: string | undefined;
  readonly clock: FakeClock;
  readonly deps: Deps;
  readonly services: Services;
  /** Inserts a user directly (no permission check); the password is `password123`. */
  user(role: Role, email?: string, fields?: { name?: string; disabled?: boolean }): Promise<Actor>;
}

// bcrypt('password123', 4), computed once so seeding users costs nothing.
const PASSWORD_HASH = '$2b$04$KDoyEBI5rjeu9zRCgzg14uQ/T/cPNux6bP46hnBKU1u.YCgmqXzgO';
export const TEST_PASSWORD = 'password123';

/**
 * Registers hooks that give the file its own database (reset before every test), a fake clock and
 * services wired to both. Use inside a describe or at the top level of a `*.db.test.ts` file.
 */
export function useTestDatabase(options: { config?: Record<string, unknown>; reset?: boolean } = {}): TestDatabase {
  let opened: OpenedTestDb | undefined;
  let deps: Deps | undefined;
  let services: Services | undefined;
  const clock = new FakeClock();
  let counter = 0;
  beforeAll(async () => {
    opened = await openTestDb();
    deps = { db: opened.db, clock, config: testConfig(options.config) };
    services = createServices(deps);
  });
  afterAll(async () => {
    await opened?.close();
  });
  if (options.reset !== false) {
    beforeEach(async () => {
      clock.set('2026-11-25T09:00:00Z');
      await resetDb(opened!.db);
    });
  }
  const need = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useTestDatabase() values are ready inside tests and hooks only');
    return value;
  };
  return {
    get db() {
      return need(opened).db;
    },
    get url() {
      return need(opened).url;
    },
    clock,
    get deps() {
      return need(deps);
    },
    get services() {
      return need(services);
    },
    async user(role, email, fields = {}) {
      const row = await need(opened)
        .db.insertInto('users')
        .values({
          email: email ?? `${role}${++counter}@example.com`,
          name: fields.name ?? `${role[0]!.toUpperCase()}${role.slice(1)} ${counter}`,
          role,
          password_hash: PASSWORD_HASH,
          is_disabled: fields.disabled ?? false,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toActor(row);
    },
  };
}
