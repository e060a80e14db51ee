import { createHash, randomInt } from 'node:crypto';
import { existsSync, mkdirSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, FastifyServerOptions } from 'fastify';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { systemClock } from '../core/clock.js';
import type { NexusConfig } from '../core/config/schema.js';
import { openDatabase, type Database } from '../core/db/database.js';
import { BACKGROUND_OWNER_COMMAND, readLiveOwner } from '../core/db/lock.js';
import type { DB } from '../core/db/schema.js';
import { outboxTransport } from '../core/email/outbox-transport.js';
import { NexusError } from '../core/errors.js';
import { createServices } from '../core/services.js';
import { createBlobStore } from '../core/storage/create-blob-store.js';
import { buildServer } from './app.js';
import { PgliteFloor } from './pglite-floor.js';

export interface RunningServer {
  app: FastifyInstance;
  url: string;
  /** Stops accepting, finishes in-flight requests, stops workers, closes the socket and the database. */
  close(): Promise<void>;
}

export interface RunServerOptions {
  config: NexusConfig;
  host: string;
  port: number;
  command: string;
  logger: FastifyServerOptions['logger'];
}

/**
 * Other `nexus` commands connected at once (each CLI command opens one connection). The floor runs them
 * one at a time anyway, so this is high: more commands wait for their turn instead of being refused.
 */
const MAX_SOCKET_CLIENTS = 256;
/** A socket client holding a transaction open and silent this long is rolled back and disconnected. */
const IDLE_IN_TRANSACTION_MS = 10_000;
/** How long a request waits for the embedded database before answering 503 with Retry-After. */
const FLOOR_WAIT_MS = 15_000;

/**
 * `<dataDir>/.s.PGSQL.5432`, or — when that path is longer than a Unix socket path may be — a private
 * folder under the temp dir named after the data folder. Other commands read the path from the lock.
 */
export function socketPathFor(dataDir: string, port = 5432): string {
  const inside = join(dataDir, `.s.PGSQL.${port}`);
  if (Buffer.byteLength(inside) <= 100) return inside;
  const dir = join(tmpdir(), `nexus-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return join(dir, `.s.PGSQL.${port}`);
}

/**
 * Each owner listens on its own socket name (the "port" is random), so an old owner closing its socket
 * — the OS removes the file by name — never removes a newer owner's.
 */
function freshSocketPath(dataDir: string): string {
  for (;;) {
    const path = socketPathFor(dataDir, 10_000 + randomInt(50_000));
    if (!existsSync(path)) return path;
  }
}

export interface SharedDatabase {
  db: Kysely<DB>;
  /** Other processes connected through the socket right now. */
  activeClients(): number;
  close(): Promise<void>;
}

/**
 * The embedded folder is owned here; other `nexus` commands reach it through a Unix socket speaking the
 * Postgres protocol, published in the lock file. The floor keeps their statements and ours apart.
 */
export async function shareEmbedded(database: Database, dataDir: string): Promise<SharedDatabase> {
  const pglite = database.pglite!;
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
  const socketPath = freshSocketPath(dataDir);
  const floor = new PgliteFloor(pglite, { idleInTransactionMs: IDLE_IN_TRANSACTION_MS, waitMs: FLOOR_WAIT_MS });
  const pool = new pg.Pool(createPgConfig(floor.local()) as unknown as pg.PoolConfig);
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {})); // a busy floor fails the statement, never the process
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  const socketServer = new PGLiteSocketServer({ db: floor.socketView(), path: socketPath, maxConnections: MAX_SOCKET_CLIENTS });
  floor.attach(socketServer);
  await socketServer.start();
  database.lock!.update({ socket: socketPath });
  return {
    db,
    activeClients: () => socketServer.getStats().activeConnections,
    close: async () => {
      database.lock!.update({ socket: undefined });
      await socketServer.stop();
      await db.destroy();
    },
  };
}

/**
 * Connections accepted but whose request has not been read yet. On SIGTERM they are given until every
 * connection has its request in hand, and no new one has come for a moment, before the server closes
 * — closing sooner resets them although they reached the server before the signal.
 */
function trackUnreadConnections(server: import('node:http').Server): { drain(maxMs: number): Promise<void> } {
  const unread = new Set<import('node:net').Socket>();
  let lastConnection = 0;
  server.on('connection', (socket: import('node:net').Socket) => {
    lastConnection = Date.now();
    unread.add(socket);
    socket.once('close', () => unread.delete(socket));
  });
  server.on('request', (request: import('node:http').IncomingMessage) => unread.delete(request.socket));
  return {
    async drain(maxMs) {
      const deadline = Date.now() + maxMs;
      while (Date.now() < deadline && (unread.size > 0 || Date.now() - lastConnection < 100)) await new Promise((resolve) => setTimeout(resolve, 10));
    },
  };
}

/**
 * The background owner (`nexus owner`) only stands in until a server comes: ask it to finish and wait
 * until it has let go of the folder, so `nexus serve` becomes the owner.
 */
async function retireBackgroundOwner(dataDir: string): Promise<void> {
  const owner = readLiveOwner(dataDir);
  if (!owner || owner.command !== BACKGROUND_OWNER_COMMAND || owner.hostname !== hostname()) return;
  try {
    process.kill(owner.pid, 'SIGTERM');
  } catch {
    return; // already gone; its stale lock is taken over
  }
  const deadline = Date.now() + 15_000;
  while (readLiveOwner(dataDir) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}

export async function runServer(options: RunServerOptions): Promise<RunningServer> {
  const { config } = options;
  if (!config.secretKey) {
    throw new NexusError('CONFIG_INVALID', 'No secret key is configured, so the API cannot sign tokens', {
      hint: 'Run `nexus init` (it writes one into the data folder), or set NEXUS_SECRET_KEY (at least 32 characters).',
    });
  }
  if (!config.databaseUrl) await retireBackgroundOwner(config.dataDir);
  const database = await openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, command: options.command, lockWaitMs: config.lockWaitSeconds * 1000, poolSize: 10 });
  if (database.via === 'owner-socket') {
    await database.close();
    throw new NexusError('DATA_DIR_LOCKED', `Another \`nexus serve\` already serves ${config.dataDir}`, { hint: 'Stop it first, or use NEXUS_DATABASE_URL to run several servers on one Postgres.' });
  }
  let shared: SharedDatabase | undefined;
  try {
    shared = database.via === 'embedded' ? await shareEmbedded(database, config.dataDir) : { db: database.db, activeClients: () => 0, close: async () => {} };
    const blobs = await createBlobStore(config);
    const services = createServices({ db: shared.db, clock: systemClock, config, blobs, mailer: outboxTransport(join(config.dataDir, 'outbox')) });
    const app = await buildServer({ services, logger: options.logger });
    const address = await app.listen({ host: options.host, port: options.port }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') throw new NexusError('CONFLICT', `Port ${options.port} on ${options.host} is already in use`, { hint: 'Stop what listens there, or pick another with --port (0 picks a free one).' });
      if (error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND') throw new NexusError('INVALID_USAGE', `Cannot listen on ${options.host}: no such local address`, { hint: 'Use 127.0.0.1, 0.0.0.0 or an address of this machine.' });
      throw error;
    });
    const waiting = trackUnreadConnections(app.server);
    // The background workers (AI replies) run beside the API.
    // They publish this server's AI configuration, which `nexus ai status` reports as the desk's (issue 8).
    const workers = services.startWorkers({
      onError: (error) => app.log.error({ err: error }, 'background job failed'),
      identity: { command: 'nexus serve', hostname: hostname(), pid: process.pid },
    });
    let closing: Promise<void> | undefined;
    return {
      app,
      url: address,
      close: () =>
        (closing ??= (async () => {
          // In-flight requests get this long to finish (under the 30 s most supervisors wait before SIGKILL);
          // then remaining connections are cut. On a busy embedded desk 30 queued creates can take over 10 s.
          const deadline = setTimeout(() => app.server.closeAllConnections(), 25_000);
          deadline.unref();
          // Requests that reached us before the signal but were not read yet (the event loop was busy
          // with the embedded database) are read first: closing would count their connections as idle.
          await waiting.drain(5_000);
          await app.close();
          clearTimeout(deadline);
          await workers.stop();
          await shared!.close();
          await database.close();
        })()),
    };
  } catch (error) {
    await shared?.close().catch(() => {});
    await database.close().catch(() => {});
    throw error;
  }
}
