import { chmodSync, lstatSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { NexusError } from '../errors.js';
import { acquireDataDirLock, type DataDirLock } from './lock.js';
import { migrate, migrationStatus } from './migrator.js';
import { PreparedStatementClient } from './prepared-client.js';
import type { DB } from './schema.js';

/** The embedded database's buffer pool (issue 9: memory). */
export const EMBEDDED_SHARED_BUFFERS = '32MB';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  db: Kysely<DB>;
  kind: DatabaseKind;
  /** How it was reached: the embedded folder owned here, through its owner's socket, or a server. */
  via: 'embedded' | 'owner-socket' | 'server';
  /** A description safe to print (no password). */
  target: string;
  /** Present when this process owns an embedded data folder. */
  lock?: DataDirLock;
  /** The PGlite instance, when this process owns it (for `nexus serve` to share it). */
  pglite?: import('@electric-sql/pglite').PGlite;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  dataDir: string;
  databaseUrl?: string;
  /** What this process is, written into the lock file (e.g. `nexus tickets list`). */
  command: string;
  /** Apply pending migrations on open (the default: first use migrates). */
  migrate?: boolean;
  lockWaitMs?: number;
  poolSize?: number;
}

export function describeTarget(options: Pick<OpenDatabaseOptions, 'dataDir' | 'databaseUrl'>): string {
  if (!options.databaseUrl) return `embedded (${join(options.dataDir, 'pgdata')})`;
  try {
    const url = new URL(options.databaseUrl);
    return `postgres://${url.username ? `${decodeURIComponent(url.username)}@` : ''}${url.host}${url.pathname}`;
  } catch {
    return 'postgres (unparseable URL)';
  }
}

function unavailable(target: string, error: unknown): NexusError {
  const reason = error instanceof Error ? error.message || (error as NodeJS.ErrnoException).code || error.name : String(error);
  return new NexusError('DATABASE_UNAVAILABLE', `Cannot connect to the database at ${target}: ${reason}`, {
    hint: 'Check NEXUS_DATABASE_URL (or --database-url) and that the server is running and reachable.',
    cause: error,
  });
}

/**
 * The first connection is the probe (a failure to get one is DATABASE_UNAVAILABLE); on it, the migration
 * status is the first statement, so a command that finds the schema current has spent one round trip.
 */
async function finishOpen(database: Database, options: OpenDatabaseOptions): Promise<Database> {
  let connected = false;
  try {
    const status = await database.db.connection().execute(async (conn) => {
      connected = true;
      return options.migrate === false ? null : migrationStatus(conn);
    });
    if (status && !status.current) await migrate(database.db);
  } catch (error) {
    await database.close().catch(() => {});
    throw connected ? error : unavailable(database.target, error);
  }
  return database;
}

/**
 * A dropped connection (`pg_terminate_backend`, a restart, a failover, a pooler recycling connections,
 * the embedded owner ending) is an 'error' event on the pg client, idle or checked out; with no listener
 * it would end the process. The failed query still rejects, and the pool discards the broken client.
 */
function quietPool(pool: pg.Pool): void {
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
}

/** The data folder holds the database and the secret key: only its owner may read it (0700, files 0600). */
export function tightenDataDir(dataDir: string): void {
  try {
    if ((statSync(dataDir).mode & 0o077) !== 0) chmodSync(dataDir, 0o700);
    for (const name of readdirSync(dataDir)) {
      const path = join(dataDir, name);
      const stat = lstatSync(path);
      if (stat.isFile() && (stat.mode & 0o077) !== 0) chmodSync(path, 0o600);
      else if (stat.isDirectory() && (stat.mode & 0o077) !== 0) chmodSync(path, 0o700);
    }
  } catch {
    // not ours to change (another user's folder): opening it reports what is wrong
  }
}

export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const target = describeTarget(options);
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10, connectionTimeoutMillis: 10_000, Client: PreparedStatementClient });
    quietPool(pool);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return finishOpen({ db, kind: 'postgres', via: 'server', target, close: () => db.destroy() }, options);
  }

  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  tightenDataDir(options.dataDir);
  const outcome = await acquireDataDirLock(options.dataDir, { command: options.command, waitMs: options.lockWaitMs });
  if (outcome.kind === 'served') {
    // `nexus serve` owns the folder: speak the Postgres protocol to it over its Unix socket.
    const socket = outcome.owner.socket!;
    const pool = new pg.Pool({ host: socket.slice(0, socket.lastIndexOf('/')), port: Number(socket.split('.').at(-1)), user: 'postgres', database: 'postgres', max: 1 });
    quietPool(pool);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    return finishOpen({ db, kind: 'pglite', via: 'owner-socket', target: `${target} through pid ${outcome.owner.pid}`, close: () => db.destroy() }, { ...options, migrate: false });
  }

  const lock = outcome.lock;
  try {
    const { PGlite } = await import('@electric-sql/pglite');
    const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
    // Postgres's default 128 MB buffer pool lives inside PGlite's WASM memory; 32 MB keeps a desk's working
    // set while taking about a third off the resident size of every process that opens the folder.
    const pglite = await PGlite.create(join(options.dataDir, 'pgdata'), { startParams: [...PGlite.defaultStartParams, '-c', `shared_buffers=${EMBEDDED_SHARED_BUFFERS}`] });
    const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
    quietPool(pool);
    const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
    const close = async () => {
      try {
        await db.destroy();
        await pglite.close();
      } finally {
        lock.release();
      }
    };
    return await finishOpen({ db, kind: 'pglite', via: 'embedded', target, lock, pglite, close }, options);
  } catch (error) {
    lock.release();
    throw error;
  }
}
