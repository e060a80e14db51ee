import { connect } from 'node:net';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox } from '../support/cli.js';
import { http, spawnServe, type ServeProcess } from '../support/server.js';

// Issue 9, items 1 and 6, against the built `nexus serve` on the embedded database: a socket client's
// session settings, and SIGTERM with requests waiting to be read.
describe('nexus serve (embedded) under a hostile socket client and SIGTERM', { timeout: 180_000 }, () => {
  const box = new CliSandbox();
  let serve: ServeProcess;
  let token = '';

  beforeAll(async () => {
    box.initFromTemplate();
    serve = await spawnServe(box.env);
    const reg = await http(serve.url, 'POST', '/v1/auth/register', { body: { email: 'cara@example.com', password: 'customer pass' } });
    token = reg.json.accessToken;
  }, 120_000);
  afterAll(async () => {
    await serve?.stop('SIGKILL');
    box.cleanup();
  });

  it('Given a socket client (as pg_dump does) empties search_path and makes the session read-only, then the API, /readyz and other commands still work', async () => {
    const lock = (await box.run(['owner', 'status', '--json'])).json<{ pid: number }>();
    expect(lock.pid).toBe(serve.child.pid);
    const { readLiveOwner } = await import('../../src/core/db/lock.js');
    const socket = readLiveOwner(box.env.NEXUS_DATA_DIR!)!.socket!;
    const rogue = new pg.Client({ host: socket.slice(0, socket.lastIndexOf('/')), port: Number(socket.split('.').at(-1)), user: 'postgres', database: 'postgres' });
    rogue.on('error', () => {});
    await rogue.connect();
    try {
      await rogue.query("SELECT set_config('search_path', '', false)");
      await rogue.query('SET default_transaction_read_only = on');
      const created = await http(serve.url, 'POST', '/v1/tickets', { token, body: { subject: 'After pg_dump', message: 'still writable?' } });
      expect(created.status).toBe(201);
      expect((await http(serve.url, 'GET', '/readyz')).status).toBe(200);
      const list = await box.run(['tickets', 'list', '--json'], { env: { NEXUS_EMBEDDED_OWNER: 'background' } });
      expect(list.code, list.stderr).toBe(0);
    } finally {
      await rogue.end();
    }
  });

  it('Given 30 requests sent before SIGTERM, then every one gets an HTTP answer (none is reset)', async () => {
    const port = Number(new URL(serve.url).port);
    const body = JSON.stringify({ subject: 'Late', message: 'arrived before the signal' });
    const request = `POST /v1/tickets HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${token}\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`;
    const sockets = await Promise.all(
      Array.from(
        { length: 30 },
        () =>
          new Promise<{ answer: Promise<string> }>((resolve, reject) => {
            const s = connect(port, '127.0.0.1');
            let data = '';
            const answer = new Promise<string>((done) => {
              s.on('data', (chunk) => (data += chunk));
              s.on('close', () => done(data));
              s.on('error', () => done(data));
            });
            s.once('connect', () => s.write(request, () => resolve({ answer })));
            s.once('error', reject);
          }),
      ),
    );
    const exit = serve.stop('SIGTERM');
    const answers = await Promise.all(sockets.map((s) => s.answer));
    const statuses = answers.map((a) => Number(/^HTTP\/1\.1 (\d{3})/.exec(a)?.[1] ?? 0));
    console.log(`SIGTERM with 30 requests sent: statuses ${JSON.stringify(statuses.reduce<Record<number, number>>((acc, s) => ({ ...acc, [s]: (acc[s] ?? 0) + 1 }), {}))}`);
    expect(statuses.filter((s) => s === 0)).toHaveLength(0);
    expect(statuses.every((s) => (s >= 200 && s < 300) || s === 503)).toBe(true);
    expect(await exit).toBe(0);
  }, 60_000);
});
