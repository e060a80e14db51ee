import type { PGlite } from '@electric-sql/pglite';
import type { PGLiteSocketServer } from '@electric-sql/pglite-socket';

/** `local`: this process's own pool. A number: one socket client (pglite-socket's handler id). */
type Party = 'local' | number;

// Postgres frontend messages after which the backend may be idle again: Sync, simple Query, and the
// start-up message (its first byte is the high byte of its length, 0).
const SYNC = 0x53;
const QUERY = 0x51;
const STARTUP = 0x00;

// pglite-socket 0.2.17 internals used here (the version is pinned): the query queue every client's
// messages go through, and the set of connected clients.
interface SocketInternals {
  queryQueue: { enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number> };
  handlers: Set<{ handlerId: number; isAttached: boolean }>;
}

/**
 * PGlite has one backend. `nexus serve` talks to it in-process while other `nexus` commands talk to it
 * through the Unix socket, each sending a transaction or an extended-protocol batch as several
 * messages; PGlite's own mutex guards one message only. The floor gives the backend to one party
 * (this process, or one socket client) from its first message until the backend is idle again
 * (after Sync/Query outside a transaction), so statements and transactions never interleave.
 */
export class PgliteFloor {
  private holder: Party | null = null;
  private waiting: { party: Party; resume: () => void }[] = [];
  private watchdog: NodeJS.Timeout | undefined;
  private clients: SocketInternals['handlers'] | undefined;

  constructor(private readonly pglite: PGlite) {}

  private async acquire(party: Party): Promise<void> {
    if (this.holder === party) return;
    if (this.holder === null && this.waiting.length === 0) {
      this.holder = party;
      return;
    }
    await new Promise<void>((resume) => {
      this.waiting.push({ party, resume });
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
    const type = message[0];
    if ((type === SYNC || type === QUERY || type === STARTUP) && !this.pglite.isInTransaction()) this.release();
  }

  // A socket client that disconnects while holding the floor (mid-batch) must not keep it.
  private watch(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => {
      if (this.waiting.length === 0) {
        clearInterval(this.watchdog);
        this.watchdog = undefined;
        return;
      }
      const holder = this.holder;
      if (typeof holder !== 'number' || !this.clients) return;
      const alive = [...this.clients].some((h) => h.handlerId === holder && h.isAttached);
      if (alive) return;
      if (this.pglite.isInTransaction()) void this.pglite.exec('rollback').finally(() => this.holder === holder && this.release());
      else this.release();
    }, 50);
    this.watchdog.unref();
  }

  /** The PGlite this process's pool uses (node-postgres adapter: execProtocolStream per message). */
  local(): PGlite {
    return new Proxy(this.pglite, {
      get: (target, prop, receiver) => {
        if (prop === 'execProtocolStream') {
          return async (message: Uint8Array, options?: unknown) => {
            await this.acquire('local');
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
