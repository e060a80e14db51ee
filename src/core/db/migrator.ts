import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { NexusError } from '../errors.js';
import { findMigrationsDir } from './migrations-dir.js';
import type { DB } from './schema.js';

export interface MigrationFile {
  version: string;
  name: string;
  file: string;
}

export interface MigrationState {
  version: string;
  name: string;
  status: 'applied' | 'pending' | 'unknown';
}

export interface MigrationStatus {
  current: boolean;
  applied: number;
  pending: number;
  migrations: MigrationState[];
}

const FILE_PATTERN = /^(\d{14})_([a-z0-9_]+)\.sql$/;
// Serialises migrators of many `nexus serve` processes starting at once on one Postgres.
const LOCK_KEY = 7_301_955_128;

export async function listMigrationFiles(dir = findMigrationsDir()): Promise<MigrationFile[]> {
  const names = (await readdir(dir)).filter((name) => name.endsWith('.sql')).sort();
  return names.map((name) => {
    const match = FILE_PATTERN.exec(name);
    if (!match) throw new NexusError('INTERNAL', `Migration file name ${name} does not follow <yyyymmddhhmmss>_<what>.sql`);
    return { version: match[1]!, name: match[2]!, file: join(dir, name) };
  });
}

/** The same bookkeeping table the Supabase CLI keeps, so `supabase db push` and Nexus agree. */
async function ensureBookkeeping(db: Kysely<DB>): Promise<void> {
  await sql`create schema if not exists supabase_migrations`.execute(db);
  await sql`create table if not exists supabase_migrations.schema_migrations (version text not null primary key)`.execute(db);
  await sql`alter table supabase_migrations.schema_migrations add column if not exists statements text[]`.execute(db);
  await sql`alter table supabase_migrations.schema_migrations add column if not exists name text`.execute(db);
}

const UNDEFINED_TABLE = '42P01';

/**
 * The versions recorded, or null before the bookkeeping table exists. One statement, not a look-up
 * first: every command opening the database asks (the answer to a missing table is its error code).
 * Outside a transaction only (a failed statement would end one).
 */
async function appliedVersions(db: Kysely<DB>): Promise<Set<string> | null> {
  try {
    const rows = await db.selectFrom('supabase_migrations.schema_migrations').select('version').execute();
    return new Set(rows.map((r) => r.version));
  } catch (error) {
    if ((error as { code?: unknown }).code === UNDEFINED_TABLE) return null;
    throw error;
  }
}

export async function migrationStatus(db: Kysely<DB>, dir?: string): Promise<MigrationStatus> {
  const files = await listMigrationFiles(dir);
  const applied = (await appliedVersions(db)) ?? new Set<string>();
  const known = new Set(files.map((f) => f.version));
  const migrations: MigrationState[] = files.map((f) => ({
    version: f.version,
    name: f.name,
    status: applied.has(f.version) ? 'applied' : 'pending',
  }));
  for (const version of [...applied].filter((v) => !known.has(v)).sort()) {
    migrations.push({ version, name: '(not in this build)', status: 'unknown' });
  }
  const pending = migrations.filter((m) => m.status === 'pending').length;
  return { current: pending === 0, applied: applied.size, pending, migrations };
}

export interface MigrateResult {
  applied: MigrationFile[];
}

/**
 * Applies pending migrations in order, each in its own transaction together with its bookkeeping row,
 * under an advisory lock. Running it again applies nothing.
 */
export async function migrate(db: Kysely<DB>, options: { dir?: string; onApply?: (m: MigrationFile) => void } = {}): Promise<MigrateResult> {
  const files = await listMigrationFiles(options.dir);
  return db.connection().execute(async (conn) => {
    await sql`select pg_advisory_lock(${LOCK_KEY})`.execute(conn);
    try {
      await ensureBookkeeping(conn);
      const applied = (await appliedVersions(conn)) ?? new Set<string>();
      const done: MigrationFile[] = [];
      for (const file of files.filter((f) => !applied.has(f.version))) {
        const text = await readFile(file.file, 'utf8');
        options.onApply?.(file);
        await conn.transaction().execute(async (trx) => {
          await sql.raw(text).execute(trx);
          await trx
            .insertInto('supabase_migrations.schema_migrations')
            .values({ version: file.version, name: file.name, statements: [text] })
            .execute();
        });
        done.push(file);
      }
      return { applied: done };
    } finally {
      await sql`select pg_advisory_unlock(${LOCK_KEY})`.execute(conn);
    }
  });
}
