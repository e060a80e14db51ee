import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../src/core/db/migrator.js';
import type { DB } from '../../src/core/db/schema.js';
import { urlFor, withAdminClient } from './postgres.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: string;
    runId: string;
  }
}

/**
 * Migrates one template per run — a PGlite data-dir dump, or a Postgres template database — that each
 * test file clones, so no file pays for creating and migrating a database.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  project.provide('runId', runId);
  if (project.name === 'postgres') {
    const template = `nexus_tpl_${runId}`;
    await withAdminClient((c) => c.query(`create database ${template}`));
    const pool = new pg.Pool({ connectionString: urlFor(template), max: 1 });
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    await migrate(db);
    await db.destroy();
    project.provide('postgresTemplate', template);
    project.provide('pgliteTemplate', '');
    return async () => {
      await withAdminClient(async (c) => {
        const { rows } = await c.query<{ datname: string }>(`select datname from pg_database where datname like $1`, [`nexus_%_${runId}%`]);
        for (const { datname } of rows) await c.query(`drop database if exists ${datname} with (force)`);
      });
    };
  }
  const { PGlite } = await import('@electric-sql/pglite');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const dir = await mkdtemp(join(tmpdir(), 'nexus-tpl-'));
  const pglite = await PGlite.create();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool: new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig) }) });
  await migrate(db);
  await db.destroy();
  const dump = await pglite.dumpDataDir('none');
  await pglite.close();
  const file = join(dir, 'template.tar');
  await writeFile(file, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteTemplate', file);
  project.provide('postgresTemplate', '');
  return () => rm(dir, { recursive: true, force: true });
}
