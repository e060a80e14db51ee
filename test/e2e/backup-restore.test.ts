import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox, E2E_DESK_ADMIN } from '../support/cli.js';
import { isPostgresReachable, urlFor, withAdminClient } from '../support/postgres.js';
import { http, multipart, PNG, spawnServe, type ServeProcess } from '../support/server.js';

const reachable = await isPostgresReachable();

// Issue 9, items 17 and 18: the restore drill (backup of a running desk during writes, restore into an
// empty folder, every acknowledged ticket and attachment there) and the move embedded → Postgres.
describe('backup, restore, export and import', { timeout: 240_000 }, () => {
  const box = new CliSandbox();
  const work = mkdtempSync(join(tmpdir(), 'nexus-drill-'));
  let serve: ServeProcess | undefined;
  const servers: ServeProcess[] = [];
  let token = '';
  let attachmentPath = '';
  const database = `nexus_i9_import_${process.pid}_${Date.now().toString(36)}`;

  beforeAll(async () => {
    box.initFromTemplate();
    serve = await spawnServe(box.env);
    servers.push(serve);
    token = (await http(serve.url, 'POST', '/v1/auth/register', { body: { email: 'cara@example.com', password: 'customer pass' } })).json.accessToken;
  }, 120_000);
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL');
    if (reachable) await withAdminClient((c) => c.query(`drop database if exists ${database} with (force)`));
    rmSync(work, { recursive: true, force: true });
    box.cleanup();
  });

  it('Given writes going on, when `nexus backup` runs through the live server and is restored into an empty folder, then every ticket acknowledged before it and the attachment are there', async () => {
    const created = await http(serve!.url, 'POST', '/v1/tickets', { token, body: { subject: 'With a photo', message: 'see attached' } });
    const number = created.json.ticket.number as number;
    const upload = multipart('photo.png', PNG);
    const res = await fetch(`${serve!.url}/v1/tickets/${number}/attachments`, { method: 'POST', headers: { authorization: `Bearer ${token}`, ...upload.headers }, body: upload.payload });
    expect(res.status).toBe(201);
    attachmentPath = `/v1/tickets/${number}/attachments/${((await res.json()) as { id: string }).id}`;

    const acknowledged: number[] = [number];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing; i++) {
        const r = await http(serve!.url, 'POST', '/v1/tickets', { token, body: { subject: `During backup ${i}`, message: 'write' } });
        if (r.status < 300) acknowledged.push(r.json.ticket.number as number);
      }
    })();
    while (acknowledged.length < 5) await new Promise((resolve) => setTimeout(resolve, 20));
    const beforeBackup = [...acknowledged];
    const file = join(work, 'desk.nexus.gz');
    const backup = await box.run(['backup', file, '--json']);
    writing = false;
    await writer;
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.json()).toMatchObject({ file, attachments: 1 });

    const restoredDir = join(work, 'restored');
    const restore = await box.run(['restore', file, '--json'], { env: { NEXUS_DATA_DIR: restoredDir, NEXUS_EMBEDDED_OWNER: 'process' } });
    expect(restore.code, restore.stderr).toBe(0);
    const restored = await spawnServe({ ...box.env, NEXUS_DATA_DIR: restoredDir });
    servers.push(restored);
    const login = await http(restored.url, 'POST', '/v1/auth/login', { body: { email: 'cara@example.com', password: 'customer pass' } });
    expect(login.status).toBe(200);
    const numbers = new Set<number>();
    for (let cursor: string | null = null, first = true; first || cursor; first = false) {
      const page = await http(restored.url, 'GET', `/v1/tickets?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token: login.json.accessToken });
      for (const t of page.json.tickets ?? page.json.items) numbers.add(t.number);
      cursor = page.json.nextCursor ?? null;
    }
    const missing = beforeBackup.filter((n) => !numbers.has(n));
    console.log(`restore drill: ${acknowledged.length} tickets acknowledged during the drill, ${beforeBackup.length} before the backup began, ${numbers.size} in the restored desk, ${missing.length} missing`);
    expect(missing).toEqual([]);
    const photo = await fetch(`${restored.url}${attachmentPath}`, { headers: { authorization: `Bearer ${login.json.accessToken}` } });
    expect(photo.status).toBe(200);
    expect(Buffer.from(await photo.arrayBuffer())).toEqual(PNG);
  });

  it.runIf(reachable || process.env.NEXUS_TEST_REQUIRE_SERVICES === '1')('Given an embedded desk, when exported and imported into an empty Postgres database, then nothing is lost', async () => {
    await serve!.stop('SIGTERM');
    const file = join(work, 'desk.jsonl');
    const exported = await box.run(['export', '--output', file, '--progress']);
    expect(exported.code, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/rows, \d+ attachments/);
    await withAdminClient((c) => c.query(`create database ${database}`));
    const url = urlFor(database);
    const imported = await box.run(['import', file, '--json'], { env: { NEXUS_DATABASE_URL: url } });
    expect((await box.run(['login', '--email', 'admin@example.com', '--password-stdin'], { input: `${E2E_DESK_ADMIN.password}\n`, env: { NEXUS_DATABASE_URL: url } })).code).toBe(0);
    expect(imported.code, imported.stderr).toBe(0);
    const embeddedList = await box.run(['tickets', 'list', '--json', '--limit', '100'], { env: { NEXUS_EMBEDDED_OWNER: 'process' } });
    const postgresList = await box.run(['tickets', 'list', '--json', '--limit', '100'], { env: { NEXUS_DATABASE_URL: url } });
    expect(embeddedList.code, embeddedList.stderr).toBe(0);
    expect(postgresList.code, postgresList.stderr).toBe(0);
    expect(postgresList.stdout).toBe(embeddedList.stdout);
    const exportedAgain = await box.run(['export', '--output', join(work, 'again.jsonl')], { env: { NEXUS_DATABASE_URL: url } });
    expect(exportedAgain.code).toBe(0);
    console.log(`export → import: ${imported.json<{ rows: number; attachments: number }>().rows} rows, ${imported.json<{ attachments: number }>().attachments} attachments`);
  });
});
