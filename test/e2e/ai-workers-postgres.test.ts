import { spawn, type ChildProcess } from 'node:child_process';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliSandbox, NEXUS_BIN } from '../support/cli.js';
import { FakeOpenAi } from '../support/fake-openai.js';
import { isPostgresReachable, urlFor, withAdminClient } from '../support/postgres.js';

const reachable = await isPostgresReachable();
if (!reachable) console.warn('Skipping the AI worker e2e: no Postgres server at 127.0.0.1:5432 (set NEXUS_TEST_DATABASE_URL)');

// Several `nexus worker` processes on one Postgres, one of them stopped mid-queue: every queued AI
// job is answered exactly once.
describe.runIf(reachable)('nexus worker processes on one Postgres', () => {
  const database = `nexus_e2e_ai_${process.pid}_${Date.now().toString(36)}`;
  const fake = new FakeOpenAi();
  let box: CliSandbox;
  const workers: ChildProcess[] = [];

  function startWorker(): ChildProcess {
    const child = spawn(process.execPath, [NEXUS_BIN, 'worker', '--concurrency', '2'], { env: { ...process.env, ...box.env }, stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr!.resume();
    workers.push(child);
    return child;
  }
  const exitOf = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on('exit', resolve)));

  async function query<T extends pg.QueryResultRow>(text: string): Promise<T[]> {
    const client = new pg.Client({ connectionString: urlFor(database) });
    await client.connect();
    try {
      return (await client.query<T>(text)).rows;
    } finally {
      await client.end();
    }
  }

  async function until(check: () => Promise<boolean>, what: string, ms = 60_000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  beforeAll(async () => {
    await fake.start();
    fake.defaultDelayMs = 150;
    await withAdminClient((c) => c.query(`create database ${database}`));
    box = new CliSandbox({ NEXUS_DATABASE_URL: urlFor(database), NEXUS_SECRET_KEY: 'e2e-secret-key-that-is-long-enough-42', OPENAI_API_KEY: 'sk-e2e', NEXUS_AI_BASE_URL: fake.baseUrl });
    expect((await box.run(['init', '--admin-email', 'admin@example.com', '--admin-password', 'admin password', '--no-input'])).code).toBe(0);
  }, 60_000);
  afterAll(async () => {
    for (const w of workers) if (w.exitCode === null) w.kill('SIGKILL');
    await fake.close();
    await withAdminClient((c) => c.query(`drop database if exists ${database} with (force)`));
    box?.cleanup();
  });

  it('answers every queued job exactly once while workers stop and start', async () => {
    const count = 10;
    for (let i = 0; i < count; i++) {
      const created = await box.run(['tickets', 'create', '--customer', `c${i}@example.com`, '--subject', `Parcel ${i}`, '-m', `Where is parcel ${i}?`]);
      expect(created.code).toBe(0);
    }
    expect((await query<{ n: string }>(`select count(*) as n from ai_jobs where status = 'queued'`))[0]!.n).toBe(String(count));

    const first = startWorker();
    const second = startWorker();
    await until(async () => Number((await query<{ n: string }>(`select count(*) as n from ai_jobs where status = 'done'`))[0]!.n) >= 2, 'the first replies');
    first.kill('SIGTERM');
    expect(await exitOf(first)).toBe(0);
    startWorker();
    await until(async () => Number((await query<{ n: string }>(`select count(*) as n from ai_jobs where status <> 'done'`))[0]!.n) === 0, 'the queue to drain');
    second.kill('SIGTERM');
    expect(await exitOf(second)).toBe(0);

    const perTicket = await query<{ n: string }>(`select count(m.id) as n from tickets t left join messages m on m.ticket_id = t.id and m.kind = 'ai' group by t.id`);
    expect(perTicket.map((r) => Number(r.n))).toEqual(Array(count).fill(1));
    expect(fake.calls).toHaveLength(count);
    const outcomes = await query<{ outcome: string }>(`select outcome from ai_jobs`);
    expect(outcomes.every((o) => o.outcome === 'replied')).toBe(true);
  });
});
