import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDb, type OpenedTestDb } from '../../../test/support/db.js';
import { PreparedStatementClient } from './prepared-client.js';

describe('PreparedStatementClient', () => {
  let opened: OpenedTestDb;
  let db: Kysely<any>;
  beforeAll(async () => {
    opened = await openTestDb();
    db = new Kysely<any>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: opened.url, max: 1, Client: PreparedStatementClient }) }) });
  });
  afterAll(async () => {
    await db.destroy();
    await opened.close();
  });

  it('runs parameterised statements as named prepared statements, and others as before', async () => {
    for (let i = 0; i < 3; i++) expect((await sql<{ n: number }>`select ${i}::int as n`.execute(db)).rows).toEqual([{ n: i }]);
    const prepared = await sql<{ name: string }>`select name from pg_prepared_statements where name like ${'nx_%'}`.execute(db);
    expect(prepared.rows.length).toBeGreaterThanOrEqual(2); // the select above, and this one
    await sql.raw('create table two_commands (n int); insert into two_commands values (1);').execute(db);
    expect((await sql<{ n: number }>`select n from two_commands where n = ${1}`.execute(db)).rows).toEqual([{ n: 1 }]);
  });

  it('recovers when a migration changes a table under a prepared select *', async () => {
    await sql.raw('create table widgets (id int)').execute(db);
    const read = () => sql<Record<string, unknown>>`select * from widgets where id >= ${0}`.execute(db);
    await sql.raw('insert into widgets values (1)').execute(db);
    expect((await read()).rows).toEqual([{ id: 1 }]);
    await sql.raw("alter table widgets add column colour text default 'red'").execute(db);
    expect((await read()).rows).toEqual([{ id: 1, colour: 'red' }]);
    expect((await read()).rows).toEqual([{ id: 1, colour: 'red' }]);
  });

  it('inside a transaction the changed plan ends that transaction once; the next call succeeds', async () => {
    await sql.raw('create table gadgets (id int); insert into gadgets values (7)').execute(db);
    const read = (q: Kysely<any>) => sql<Record<string, unknown>>`select * from gadgets where id >= ${0}`.execute(q);
    expect((await read(db)).rows).toEqual([{ id: 7 }]);
    await sql.raw('alter table gadgets add column size int default 3').execute(db);
    await expect(db.transaction().execute((trx) => read(trx))).rejects.toMatchObject({ code: '0A000' });
    expect((await db.transaction().execute((trx) => read(trx))).rows).toEqual([{ id: 7, size: 3 }]);
  });
});
