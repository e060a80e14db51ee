import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DatabaseBusyError, PgliteFloor, type FloorOptions } from './pglite-floor.js';

// Issue 9, items 1 and 2: one socket client's session state or open transaction must not break the
// others. Each block has its own PGlite, floor and socket.
function setUp(options: FloorOptions) {
  const dir = mkdtempSync(join(tmpdir(), 'nexus-floor-iso-'));
  const state = {} as { pglite: PGlite; server: PGLiteSocketServer; local: pg.Pool };
  beforeAll(async () => {
    state.pglite = await PGlite.create();
    await state.pglite.exec('create table notes (id serial primary key, body text not null); insert into notes (body) values (\'first\')');
    const floor = new PgliteFloor(state.pglite, options);
    state.local = new pg.Pool(createPgConfig(floor.local()) as unknown as pg.PoolConfig);
    state.local.on('connect', (client) => client.on('error', () => {}));
    state.server = new PGLiteSocketServer({ db: floor.socketView(), path: join(dir, '.s.PGSQL.5432'), maxConnections: 8 });
    floor.attach(state.server);
    await state.server.start();
  }, 60_000);
  afterAll(async () => {
    await state.local.end();
    await state.server.stop();
    await state.pglite.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const connect = async () => {
    const client = new pg.Client({ host: dir, port: 5432, user: 'postgres', database: 'postgres' });
    client.on('error', () => {});
    await client.connect();
    return client;
  };
  return { state, connect };
}

describe('the PGlite floor between parties', () => {
  const { state, connect } = setUp({ idleInTransactionMs: 300 });

  it('Given a socket client that empties search_path and makes transactions read-only, then the pool and another client still read and write', async () => {
    const rogue = await connect();
    await rogue.query("SET search_path TO ''");
    await rogue.query('SET default_transaction_read_only = on');
    await rogue.query("select set_config('search_path', '', false)");
    await expect(state.local.query("insert into notes (body) values ('from the server') returning id")).resolves.toMatchObject({ rowCount: 1 });
    const other = await connect();
    await expect(other.query('select count(*)::int as n from notes')).resolves.toMatchObject({ rows: [{ n: 2 }] });
    await expect(other.query("insert into notes (body) values ('from another command')")).resolves.toMatchObject({ rowCount: 1 });
    // The rogue's own setting is its own business, but it no longer holds after the others' turns.
    await other.end();
    await rogue.end();
  });

  it('Given a socket client left idle inside BEGIN holding a row lock, then it is rolled back and cut off and the pool goes on', async () => {
    const idle = await connect();
    await idle.query('begin');
    await idle.query("insert into notes (body) values ('never committed')");
    const { rows } = await state.local.query<{ n: number }>("select count(*)::int as n from notes where body = 'never committed'");
    expect(rows[0]!.n).toBe(0);
    await expect(idle.query('select 1')).rejects.toThrow();
  });
});

describe('the PGlite floor when the backend cannot be had in time', () => {
  const { state, connect } = setUp({ idleInTransactionMs: 60_000, waitMs: 200 });

  it('Given a socket client holding a transaction open, then the server\'s statement fails as busy (503) instead of waiting without bound, and works once it is free', async () => {
    const holder = await connect();
    await holder.query('begin');
    await holder.query('select 1');
    const error = await state.local.query('select count(*) from notes').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatabaseBusyError);
    await holder.query('commit');
    await expect(state.local.query('select count(*)::int as n from notes')).resolves.toMatchObject({ rows: [{ n: 1 }] });
    await holder.end();
  });
});
