import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestDb, useTestDatabase, type OpenedTestDb } from '../../../test/support/db.js';
import { withAdminClient } from '../../../test/support/postgres.js';
import type { DB } from '../db/schema.js';
import { createServices } from '../services.js';
import { getStats } from '../tickets/get-stats.js';
import { recountStats } from '../tickets/recount-stats.js';
import { dumpDesk, loadDesk, type DumpRecord } from './desk-dump.js';

// Postgres only. A hosted database (Supabase) gives no superuser, so a load cannot pause every trigger
// with session_replication_role. Unless the desk's own triggers are paused, every row of `tickets` and
// `messages` fires the triggers that keep the search documents and the stats counters, on top of the
// dump's copies of those rows (a duplicate key, or counters counted twice).
const t = useTestDatabase();
const opened: OpenedTestDb[] = [];
const roles: string[] = [];
let unprivileged: Kysely<DB> | undefined;
afterAll(async () => {
  await unprivileged?.destroy();
  for (const o of opened) await o.close();
  await withAdminClient(async (c) => {
    for (const role of roles) await c.query(`drop role if exists ${role}`);
  });
});

/**
 * A role like a hosted database's owner role (Supabase's `postgres`): it owns the desk's tables, so it
 * may pause their triggers, and it bypasses row level security — but it is no superuser, so it cannot
 * set session_replication_role. With `owner: false` it only holds grants on the tables.
 */
async function connectAsUnprivileged(target: OpenedTestDb, options: { owner: boolean }): Promise<Kysely<DB>> {
  const role = `nexus_t_nosuper_${process.pid}_${roles.length}`;
  roles.push(role);
  await withAdminClient(async (c) => {
    await c.query(`drop role if exists ${role}`);
    await c.query(`create role ${role} login nosuperuser bypassrls`);
  });
  await sql
    .raw(
      `grant usage on schema public, supabase_migrations to ${role};
       grant all on all tables in schema public to ${role};
       grant all on all sequences in schema public to ${role};
       grant select on all tables in schema supabase_migrations to ${role};`,
    )
    .execute(target.db);
  if (options.owner) {
    const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(target.db)).rows;
    for (const { name } of tables) await sql.raw(`alter table "${name}" owner to ${role}`).execute(target.db);
  }
  const url = new URL(target.url!);
  url.username = role;
  const pool = new pg.Pool({ connectionString: url.toString(), max: 2 });
  pool.on('error', () => {});
  return new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
}

async function* replay(records: DumpRecord[]): AsyncIterable<DumpRecord> {
  for (const r of records) yield JSON.parse(JSON.stringify(r)) as DumpRecord;
}

describe('loading a desk without superuser rights (Postgres)', () => {
  it("Given a desk with tickets in several states, when loaded by the tables' owner that is no superuser (a hosted database), then search, counters and stats equal the source", async () => {
    const customer = await t.user('customer', 'cy@example.com');
    const agent = await t.user('agent', 'ana@example.com');
    const a = await t.services.tickets.create(customer, { subject: 'Printer on fire', message: 'The toner smells of smoke' });
    await t.services.tickets.reply(agent, { ticket: a.ticket.number, body: 'Unplug it, then use water, not foam.' });
    const b = await t.services.tickets.create(customer, { subject: 'Invoice question', message: 'Why was I charged twice?' });
    await t.services.tickets.close(agent, { ticket: b.ticket.number });
    await t.services.tickets.create(customer, { subject: 'Login trouble', message: 'The reset link expired' });

    const records: DumpRecord[] = [];
    await dumpDesk(t.db, undefined, (r) => void records.push(r));
    const target = await openTestDb();
    opened.push(target);
    unprivileged = await connectAsUnprivileged(target, { owner: true });
    const isSuper = (await sql<{ s: boolean }>`select rolsuper as s from pg_roles where rolname = current_user`.execute(unprivileged)).rows[0]?.s;
    expect(isSuper).toBe(false);

    await loadDesk(unprivileged, undefined, replay(records));

    const restored = createServices({ ...t.deps, db: target.db });
    const admin = await t.user('admin');
    const sourceStats = await getStats(t.deps, admin);
    expect(await getStats({ ...t.deps, db: target.db }, admin)).toEqual(sourceStats);
    const recount = await recountStats(target.db, t.clock.now());
    expect({ total: sourceStats.total, byStatus: sourceStats.byStatus, byPriority: sourceStats.byPriority }).toEqual({
      total: recount.total,
      byStatus: recount.byStatus,
      byPriority: recount.byPriority,
    });
    const docs = async (db: Kysely<DB>) => (await sql<{ j: string }>`select row_to_json(s)::text as j from ticket_search s order by ticket_id`.execute(db)).rows.map((r) => r.j);
    expect(await docs(target.db)).toEqual(await docs(t.db));
    const found = await restored.tickets.list(agent, { q: 'smoke' });
    expect(found.items.map((i) => i.number)).toEqual([a.ticket.number]);
  });

  it('Given a role that neither owns the tables nor is a superuser, then the load is refused with the reason and nothing is written', async () => {
    await t.user('customer', 'cy@example.com');
    const records: DumpRecord[] = [];
    await dumpDesk(t.db, undefined, (r) => void records.push(r));
    const target = await openTestDb();
    opened.push(target);
    await unprivileged?.destroy();
    unprivileged = await connectAsUnprivileged(target, { owner: false });
    await expect(loadDesk(unprivileged, undefined, replay(records))).rejects.toMatchObject({ code: 'FORBIDDEN', hint: expect.stringContaining('owner') });
    const users = await sql<{ n: string }>`select count(*) as n from users`.execute(target.db);
    expect(Number(users.rows[0]!.n)).toBe(0);
  });
});
