import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PgliteFloor } from './pglite-floor.js';

// One PGlite, written to at once by this process's pool and by several socket clients, each running
// read-modify-write transactions and parameterised (extended-protocol) statements.
describe('the PGlite floor', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nexus-floor-'));
  const path = join(dir, '.s.PGSQL.5432');
  let pglite: PGlite;
  let server: PGLiteSocketServer;
  let local: pg.Pool;

  beforeAll(async () => {
    pglite = await PGlite.create();
    await pglite.exec('create table counter (id int primary key, n int not null); insert into counter values (1, 0); create table log (who text, n int)');
    const floor = new PgliteFloor(pglite);
    local = new pg.Pool(createPgConfig(floor.local()) as unknown as pg.PoolConfig);
    server = new PGLiteSocketServer({ db: floor.socketView(), path, maxConnections: 8 });
    floor.attach(server);
    await server.start();
  }, 60_000);
  afterAll(async () => {
    await local.end();
    await server.stop();
    await pglite.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function work(client: { query: pg.Pool['query'] }, who: string, rounds: number): Promise<void> {
    for (let i = 0; i < rounds; i++) {
      await client.query('begin');
      const { rows } = await client.query<{ n: number }>('select n from counter where id = $1', [1]);
      await new Promise((resolve) => setTimeout(resolve, 1)); // give the others every chance to cut in
      await client.query('update counter set n = $1 where id = $2', [rows[0]!.n + 1, 1]);
      await client.query('insert into log (who, n) values ($1, $2)', [who, i]);
      await client.query('commit');
    }
  }

  it('Given the pool and 4 socket clients writing at once, then no update is lost and every statement ran with its own parameters', async () => {
    const clients = await Promise.all(Array.from({ length: 4 }, async () => {
      const c = new pg.Client({ host: dir, port: 5432, user: 'postgres', database: 'postgres' });
      await c.connect();
      return c;
    }));
    await Promise.all([work(local, 'local', 25), ...clients.map((c, i) => work(c, `socket${i}`, 25))]);
    const { rows } = await local.query<{ n: number }>('select n from counter');
    expect(rows[0]!.n).toBe(125);
    const log = await local.query<{ who: string; count: string }>('select who, count(*) from log group by who order by who');
    expect(log.rows.map((r) => [r.who, Number(r.count)])).toEqual([['local', 25], ['socket0', 25], ['socket1', 25], ['socket2', 25], ['socket3', 25]]);
    await Promise.all(clients.map((c) => c.end()));
  }, 60_000);

  it('Given a socket client that disconnects mid-transaction, then its work is rolled back and the pool carries on', async () => {
    const c = new pg.Client({ host: dir, port: 5432, user: 'postgres', database: 'postgres' });
    c.on('error', () => {}); // the connection is cut on purpose
    await c.connect();
    await c.query('begin');
    await c.query("insert into log (who, n) values ('ghost', 1)");
    (c as unknown as { connection: { stream: { destroy(): void } } }).connection.stream.destroy();
    const deadline = Date.now() + 5000;
    let ghosts = -1;
    while (Date.now() < deadline) {
      ghosts = Number((await local.query<{ n: string }>("select count(*) as n from log where who = 'ghost'")).rows[0]!.n);
      if (ghosts === 0) break;
    }
    expect(ghosts).toBe(0);
  }, 20_000);
});
