import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type OpenedTestDb } from '../../../test/support/db.js';
import { migrate } from './migrator.js';
import type { DB } from './schema.js';
import { snapshotSchema } from './schema-snapshot.js';

describe('schema parity', () => {
  let server: OpenedTestDb;
  let pglite: import('@electric-sql/pglite').PGlite;
  let embedded: Kysely<DB>;

  beforeAll(async () => {
    server = await openTestDb(); // this project's driver: the Postgres server
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    pglite = await PGlite.create();
    embedded = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }) });
    await migrate(embedded);
  });

  afterAll(async () => {
    await embedded?.destroy();
    await pglite?.close();
    await server?.close();
  });

  it('given the same migrations, PGlite and the Postgres server end with identical tables, columns, constraints and indexes', async () => {
    const [onServer, onPglite] = await Promise.all([snapshotSchema(server.db), snapshotSchema(embedded)]);
    expect(onServer.columns.length).toBeGreaterThan(30);
    expect(onPglite).toEqual(onServer);
  });
});
