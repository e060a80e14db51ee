import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** `local`: this process's own pool. A number: one socket client (pglite-socket's handler id). */
type Party = 'local' | number;

// Postgres frontend messages after which the backend may be idle again: Sync, simple Query, and the
// start-up message (its first byte is the high byte of its length, 0).
const SYNC = 0x53;
const QUERY = 0x51;
const STARTUP = 0x00;

/** What every party finds when it gets the backend: the session as it was at start-up. */
const RESET_SESSION = 'RESET ALL; SET SESSION AUTHORIZATION DEFAULT';

// pglite-socket 0.2.17 internals used here (the version is pinned): the query queue every client's
// messages go through, and the set of connected clients.
interface SocketHandler {
  handlerId: number;
  isAttached: boolean;
  detach(close?: boolean): Promise<unknown>;
}
interface SocketInternals {
  queryQueue: { enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> };
  handlers: Set<SocketHandler>;
}

export interface FloorOptions {
  /** A socket client that holds the backend (in a transaction or mid-batch) and sends nothing for this long is rolled back and cut off. */
  idleInTransactionMs?: number;
  /** How long this process's own statements wait for the backend before failing with {@link DatabaseBusyError}. */
  waitMs?: number;
}

/** The embedded database could not be had in time (another client holds it): the server answers 503. */
export class DatabaseBusyError extends Error {
  readonly code = 'NEXUS_DATABASE_BUSY';
  constructor(waitedMs: number) {
    super(`The embedded database was busy for ${waitedMs} ms`);
  }
}

/**
 * PGlite has one backend. `nexus serve` talks to it in-process while other `nexus` commands talk to it
 * through the Unix socket, each sending a transaction or an extended-protocol batch as several
 * messages; PGlite's own mutex guards one message only. The floor gives the backend to one party
 * (this process, or one socket client) from its first message until the backend is idle again
 * (after Sync/Query outside a transaction), so statements and transactions never interleave.
 *
 * The backend is also one session: whenever it passes to another party, the session settings are
 * reset (one client's `SET search_path` or `default_transaction_read_only` never reaches another),
 * and a socket client that sits idle while holding it is rolled back and disconnected.
 */
export class PgliteFloor {
  private holder: Party | null = null;
  private lastParty: Party | null = null;
  private heldSince = 0;
  private waiting: { party: Party; resume: () => void }[] = [];
  private watchdog: NodeJS.Timeout | undefined;
  private clients: SocketInternals['handlers'] | undefined;
  /** After a local wait timed out: the rest of that exchange is refused up to its Sync. */
  private localAborted = false;
  private kicking: Party | null = null;
  private readonly idleInTransactionMs: number;
  private readonly waitMs: number;

  constructor(
    private readonly pglite: PGlite,
    options: FloorOptions = {},
  ) {
    this.idleInTransactionMs = options.idleInTransactionMs ?? 30_000;
    this.waitMs = options.waitMs ?? 45_000;
  }

  private async acquire(party: Party): Promise<void> {
    if (this.holder !== party) {
      if (this.holder === null && this.waiting.length === 0) this.holder = party;
      else await this.wait(party);
      this.heldSince = Date.now();
      if (typeof party === 'number') this.watch();
    }
    if (this.lastParty !== party) {
      // A new party: the session is the start-up one again, whatever the previous party SET.
      if (this.lastParty !== null && !this.pglite.isInTransaction()) await this.pglite.exec(RESET_SESSION);
      this.lastParty = party;
    }
  }

  private wait(party: Party): Promise<void> {
    return new Promise<void>((resume, reject) => {
      const entry = { party, resume: () => (clearTimeout(timer), resume()) };
      const timer =
        party === 'local'
          ? setTimeout(() => {
              this.waiting = this.waiting.filter((w) => w !== entry);
              reject(new DatabaseBusyError(this.waitMs));
            }, this.waitMs)
          : undefined;
      this.waiting.push(entry);
      this.watch();
    });
  }

  private release(): void {
    this.holder = null;
    const next = this.waiting.shift();
    if (!next) return;
    this.holder = next.party;
    for (const w of this.waiting.filter((w) => w.party === next.party)) w.resume();
    this.waiting = this.waiting.filter((w) => w.party !== next.party);
    next.resume();
  }

  private after(message: Uint8Array): void {
    this.heldSince = Date.now();
    const type = message[0];
    if ((type === SYNC || type === QUERY || type === STARTUP) && !this.pglite.isInTransaction()) this.release();
  }

  // A socket client that disconnects while holding the floor (mid-batch) must not keep it, nor one that
  // holds it idle (an open BEGIN in psql) past idleInTransactionMs.
  private watch(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => {
      const holder = this.holder;
      if (typeof holder !== 'number') {
        if (this.waiting.length === 0) {
          clearInterval(this.watchdog);
          this.watchdog = undefined;
        }
        return;
      }
      if (!this.clients || this.kicking === holder) return;
      const handler = [...this.clients].find((h) => h.handlerId === holder && h.isAttached);
      const idleTooLong = Date.now() - this.heldSince >= this.idleInTransactionMs;
      if (handler && !idleTooLong) return;
      this.kicking = holder;
      const finish = async () => {
        try {
          if (this.holder === holder && !this.pglite.closed && this.pglite.isInTransaction()) await this.pglite.exec('rollback');
        } catch {
          // closed meanwhile, or nothing left to roll back
        }
        if (this.holder === holder) this.release();
        this.kicking = null;
      };
      void (handler ? handler.detach(true).catch(() => {}) : Promise.resolve()).then(finish);
    }, Math.min(50, Math.max(5, Math.floor(this.idleInTransactionMs / 4))));
    this.watchdog.unref();
  }

  /** The PGlite this process's pool uses (node-postgres adapter: execProtocolStream per message). */
  local(): PGlite {
    return new Proxy(this.pglite, {
      get: (target, prop, receiver) => {
        if (prop === 'execProtocolStream') {
          return async (message: Uint8Array, options?: unknown) => {
            const ends = message[0] === SYNC || message[0] === QUERY;
            if (this.localAborted) {
              if (ends) this.localAborted = false;
              throw new DatabaseBusyError(this.waitMs);
            }
            try {
              await this.acquire('local');
            } catch (error) {
              this.localAborted = !ends;
              throw error;
            }
            try {
              return await target.execProtocolStream(message, options as never);
            } finally {
              this.after(message);
            }
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** The PGlite to give the socket server: its queue only sees the transaction of the client holding the floor. */
  socketView(): PGlite {
    return new Proxy(this.pglite, {
      get: (target, prop, receiver) => {
        if (prop === 'isInTransaction') return () => typeof this.holder === 'number' && target.isInTransaction();
        if (prop === 'exec') {
          // The queue's ROLLBACK for a client that left mid-transaction.
          return async (query: string) => {
            try {
              return await target.exec(query);
            } finally {
              if (typeof this.holder === 'number' && !target.isInTransaction()) this.release();
            }
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }

  /** Makes every socket client take the floor for its messages. Call before `start()`. */
  attach(server: PGLiteSocketServer): void {
    const internals = server as unknown as SocketInternals;
    this.clients = internals.handlers;
    const queue = internals.queryQueue;
    const enqueue = queue.enqueue.bind(queue);
    queue.enqueue = async (handlerId, message, onData) => {
      await this.acquire(handlerId);
      try {
        return await enqueue(handlerId, message, onData);
      } finally {
        this.after(message);
      }
    };
  }
}
