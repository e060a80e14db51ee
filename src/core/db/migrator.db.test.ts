import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { useTestDatabase } from '../../../test/support/db.js';
import { listMigrationFiles, migrate, migrationStatus } from './migrator.js';
import { snapshotSchema } from './schema-snapshot.js';

const t = useTestDatabase({ reset: false });

describe('migrator', () => {
  it('given a migrated database, when migrating again, then nothing is applied and the schema is unchanged', async () => {
    const before = await snapshotSchema(t.db);
    const result = await migrate(t.db);
    expect(result.applied).toEqual([]);
    expect(await snapshotSchema(t.db)).toEqual(before);
    const status = await migrationStatus(t.db);
    expect(status).toMatchObject({ current: true, pending: 0 });
    expect(status.applied).toBe((await listMigrationFiles()).length);
  });

  it('records versions where the Supabase CLI does, with the name and the statements', async () => {
    const rows = await t.db.selectFrom('supabase_migrations.schema_migrations').selectAll().orderBy('version').execute();
    const files = await listMigrationFiles();
    expect(rows.map((r) => r.version)).toEqual(files.map((f) => f.version));
    expect(rows[0]).toMatchObject({ name: 'foundation' });
    expect(rows[0]!.statements?.[0]).toContain('create table users');
  });

  it('applies a new file in order, all or nothing, and reports migrations the build does not know', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nexus-mig-'));
    for (const f of await listMigrationFiles()) await writeFile(join(dir, f.file.split('/').at(-1)!), '-- already applied');
    await writeFile(join(dir, '29990101000000_add_widgets.sql'), 'create table widgets (id int primary key);');
    await writeFile(join(dir, '29990102000000_broken.sql'), 'create table gadgets (id int primary key); select nonsense_function();');
    expect((await migrationStatus(t.db, dir)).pending).toBe(2);
    await expect(migrate(t.db, { dir })).rejects.toThrow(/nonsense_function/);
    const status = await migrationStatus(t.db, dir);
    expect(status.migrations.filter((m) => m.status === 'pending').map((m) => m.name)).toEqual(['broken']);
    const gadgets = await sql<{ present: boolean }>`select to_regclass('gadgets') is not null as present`.execute(t.db);
    expect(gadgets.rows[0]?.present).toBe(false);
    // Seen from the real migrations folder, the test's extra version is one this build does not know.
    const real = await migrationStatus(t.db);
    expect(real.migrations.find((m) => m.version === '29990101000000')?.status).toBe('unknown');
    await sql`drop table widgets`.execute(t.db);
    await t.db.deleteFrom('supabase_migrations.schema_migrations').where('version', '=', '29990101000000').execute();
  });

  it('keeps the ticket history append-only', async () => {
    const customer = await t.user('customer');
    const ticket = await t.db.insertInto('tickets').values({ subject: 'S', customer_id: customer.id }).returning('id').executeTakeFirstOrThrow();
    await t.db.insertInto('ticket_events').values({ ticket_id: ticket.id, actor_id: customer.id, type: 'ticket.created' }).execute();
    await expect(sql`update ticket_events set type = 'ticket.forged'`.execute(t.db)).rejects.toThrow(/append-only/);
  });

  it('enforces the enum CHECKs and the closed ⇔ resolved rule', async () => {
    const customer = await t.user('customer');
    await expect(t.db.insertInto('tickets').values({ subject: 'S', customer_id: customer.id, status: 'nonsense' as 'open' }).execute()).rejects.toThrow(/check/i);
    await expect(t.db.insertInto('tickets').values({ subject: 'S', customer_id: customer.id, status: 'closed' }).execute()).rejects.toThrow(/check/i);
    await expect(t.db.insertInto('users').values({ email: 'UPPER@example.com', password_hash: null }).execute()).rejects.toThrow(/check/i);
  });
});
