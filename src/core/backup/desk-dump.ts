import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { NexusError } from '../errors.js';
import type { BlobStore } from '../storage/blob-store.js';

/**
 * The portable form of a desk (issue 9): JSON Lines, one record per line, versioned. The same stream is
 * `nexus export` (plain) and `nexus backup` (gzip): a header, every sequence, every row of every table
 * in the public schema (as Postgres's own JSON of the row), then every attachment's bytes (base64).
 * Read in one REPEATABLE READ transaction, so it is one consistent snapshot while the desk keeps running.
 */
export const DUMP_FORMAT = 'nexus-desk-dump';
export const DUMP_VERSION = 1;

export type DumpRecord =
  | { type: 'header'; format: typeof DUMP_FORMAT; version: number; createdAt: string; migrations: string[] }
  | { type: 'sequence'; name: string; value: string; isCalled: boolean }
  | { type: 'row'; table: string; row: Record<string, unknown> }
  | { type: 'blob'; key: string; contentType: string; base64: string }
  | { type: 'end'; rows: number; blobs: number };

export interface DumpProgress {
  (done: { table?: string; rows: number; blobs: number }): void;
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** The public tables, parents before children (by foreign keys), so a load can insert in this order. */
async function tablesInOrder(db: Kysely<DB>): Promise<string[]> {
  const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by tablename`.execute(db)).rows.map((r) => r.name);
  const edges = (
    await sql<{ child: string; parent: string }>`
      select c.relname as child, p.relname as parent from pg_constraint k
      join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
      join pg_namespace n on n.oid = c.relnamespace
      where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`.execute(db)
  ).rows;
  const ordered: string[] = [];
  const visiting = new Set<string>();
  const visit = (table: string) => {
    if (ordered.includes(table) || visiting.has(table)) return;
    visiting.add(table);
    for (const e of edges) if (e.child === table) visit(e.parent);
    ordered.push(table);
  };
  for (const t of tables) visit(t);
  return ordered;
}

export async function dumpDesk(db: Kysely<DB>, blobs: BlobStore | undefined, write: (record: DumpRecord) => Promise<void> | void, progress?: DumpProgress): Promise<{ rows: number; blobs: number }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      await sql`set transaction read only`.execute(trx);
      const migrations = (await sql<{ version: string }>`select version from supabase_migrations.schema_migrations order by version`.execute(trx)).rows.map((r) => r.version);
      await write({ type: 'header', format: DUMP_FORMAT, version: DUMP_VERSION, createdAt: new Date().toISOString(), migrations });
      const sequences = (await sql<{ name: string }>`select sequencename as name from pg_sequences where schemaname = 'public' order by sequencename`.execute(trx)).rows;
      for (const { name } of sequences) {
        const state = (await sql<{ value: string; is_called: boolean }>`select last_value::text as value, is_called from ${sql.raw(quote(name))}`.execute(trx)).rows[0]!;
        await write({ type: 'sequence', name, value: state.value, isCalled: state.is_called });
      }
      let rows = 0;
      const keys: { key: string; contentType: string }[] = [];
      for (const table of await tablesInOrder(trx)) {
        const result = await sql<{ row: Record<string, unknown> }>`select row_to_json(t) as row from ${sql.raw(quote(table))} t`.execute(trx);
        for (const { row } of result.rows) {
          await write({ type: 'row', table, row });
          rows++;
          if (table === 'attachments') keys.push({ key: String(row.storage_key), contentType: String(row.content_type) });
        }
        progress?.({ table, rows, blobs: 0 });
      }
      let blobCount = 0;
      if (blobs) {
        for (const { key, contentType } of keys) {
          const bytes = await blobs.get(key).catch(() => null); // purged content: the row says so on download
          if (!bytes) continue;
          await write({ type: 'blob', key, contentType, base64: Buffer.from(bytes).toString('base64') });
          blobCount++;
          progress?.({ rows, blobs: blobCount });
        }
      }
      await write({ type: 'end', rows, blobs: blobCount });
      return { rows, blobs: blobCount };
    });
}

/**
 * Loads a dump into a migrated, empty database (no users yet) in one transaction: the rows go back in
 * parent-first order with their own ids, sequences are set where they were, attachment bytes are put
 * back in the blob store. A dump from a newer schema than this build is refused.
 */
export async function loadDesk(db: Kysely<DB>, blobs: BlobStore | undefined, records: AsyncIterable<DumpRecord>, progress?: DumpProgress): Promise<{ rows: number; blobs: number }> {
  const users = Number((await sql<{ n: string }>`select count(*) as n from users`.execute(db)).rows[0]!.n);
  if (users > 0) throw new NexusError('CONFLICT', 'The target desk is not empty (it has users)', { hint: 'Restore or import into a new data folder or an empty database.' });
  const known = new Set((await sql<{ version: string }>`select version from supabase_migrations.schema_migrations`.execute(db)).rows.map((r) => r.version));
  let rows = 0;
  let blobCount = 0;
  let ended = false;
  const pendingBlobs: DumpRecord[] = [];
  await db.transaction().execute(async (trx) => {
    // The dump carries the rows that triggers keep (search documents, stats counters): while loading,
    // those triggers must not fire, or they would add their own copies on top. A superuser (PGlite, a
    // self-hosted server) pauses every trigger, foreign keys included, so rows referring to rows of the
    // same table load in any order. The tables' owner (a hosted database such as Supabase) pauses the
    // desk's own triggers only; the parent-first table order of the dump keeps foreign keys satisfied.
    const isSuper = (await sql<{ s: boolean }>`select rolsuper as s from pg_roles where rolname = current_user`.execute(trx)).rows[0]?.s === true;
    if (isSuper) await sql`set local session_replication_role = replica`.execute(trx);
    const paused = isSuper ? [] : await pauseDeskTriggers(trx);
    const columns = new Map<string, string[]>();
    const columnsOf = async (table: string) => {
      if (!columns.has(table)) {
        const cols = (
          await sql<{ name: string }>`select attname as name from pg_attribute where attrelid = ${`public.${quote(table)}`}::regclass and attnum > 0 and not attisdropped and attgenerated = '' order by attnum`.execute(trx)
        ).rows.map((r) => r.name);
        if (cols.length === 0) throw new NexusError('VALIDATION_FAILED', `The dump has rows for an unknown table ${table}`);
        columns.set(table, cols);
      }
      return columns.get(table)!;
    };
    let header = false;
    for await (const record of records) {
      if (!header) {
        if (record.type !== 'header' || record.format !== DUMP_FORMAT) throw new NexusError('VALIDATION_FAILED', 'This file is not a Nexus desk dump');
        if (record.version > DUMP_VERSION) throw new NexusError('VALIDATION_FAILED', `The dump is format version ${record.version}; this build reads up to ${DUMP_VERSION}`, { hint: 'Upgrade nexus first.' });
        const newer = record.migrations.filter((m) => !known.has(m));
        if (newer.length > 0) throw new NexusError('SCHEMA_MISMATCH', `The dump comes from a newer schema (${newer.join(', ')})`, { hint: 'Upgrade nexus, then restore.' });
        // Migrations seed a few singleton rows (settings, watermarks, counters): the dump carries the
        // source's own, so the target starts from nothing (it has no users, checked above).
        const tables = (await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public'`.execute(trx)).rows.map((r) => quote(r.name));
        if (tables.length > 0) await sql`truncate table ${sql.raw(tables.join(', '))}`.execute(trx);
        header = true;
        continue;
      }
      if (record.type === 'row') {
        const cols = await columnsOf(record.table);
        const list = sql.raw(cols.map(quote).join(', '));
        await sql`insert into ${sql.raw(quote(record.table))} (${list}) overriding system value select ${list} from json_populate_record(null::${sql.raw(quote(record.table))}, ${JSON.stringify(record.row)}::json)`.execute(trx);
        rows++;
        if (rows % 500 === 0) progress?.({ table: record.table, rows, blobs: blobCount });
      } else if (record.type === 'sequence') {
        await sql`select setval(${`public.${quote(record.name)}`}::regclass, ${record.value}::bigint, ${record.isCalled})`.execute(trx);
      } else if (record.type === 'blob') {
        pendingBlobs.push(record);
      } else if (record.type === 'end') {
        ended = true;
      }
    }
    if (!header || !ended) throw new NexusError('VALIDATION_FAILED', 'The dump is incomplete (cut off before its end record)');
    await resumeDeskTriggers(trx, paused);
  });
  for (const blob of pendingBlobs) {
    if (blob.type !== 'blob' || !blobs) continue;
    await blobs.put(blob.key, Buffer.from(blob.base64, 'base64'), blob.contentType);
    blobCount++;
    progress?.({ rows, blobs: blobCount });
  }
  return { rows, blobs: blobCount };
}

/**
 * The desk's own triggers that fire on ordinary writes (mode O): the ones session_replication_role =
 * replica would hold back. Triggers marked ENABLE ALWAYS fire during a load on purpose, in both modes.
 */
async function originTriggers(trx: Transaction<DB>): Promise<{ table: string; name: string }[]> {
  const { rows } = await sql<{ table: string; name: string }>`
    select c.relname as table, g.tgname as name from pg_trigger g join pg_class c on c.oid = g.tgrelid join pg_namespace n on n.oid = c.relnamespace
     where n.nspname = 'public' and not g.tgisinternal and g.tgenabled = 'O' order by 1, 2`.execute(trx);
  return rows;
}

async function pauseDeskTriggers(trx: Transaction<DB>): Promise<{ table: string; name: string }[]> {
  const paused = await originTriggers(trx);
  for (const { table, name } of paused) {
    try {
      await sql`alter table ${sql.raw(quote(table))} disable trigger ${sql.raw(quote(name))}`.execute(trx);
    } catch (error) {
      throw new NexusError('FORBIDDEN', `This database role cannot pause the triggers of table ${table}, so the load would count rows twice`, {
        hint: "Restore as the owner of the desk's tables (the role that ran the migrations) or as a superuser.",
        cause: error,
      });
    }
  }
  return paused;
}

async function resumeDeskTriggers(trx: Transaction<DB>, paused: { table: string; name: string }[]): Promise<void> {
  for (const { table, name } of paused) await sql`alter table ${sql.raw(quote(table))} enable trigger ${sql.raw(quote(name))}`.execute(trx);
}
