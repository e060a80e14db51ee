import type { PGlite } from '@electric-sql/pglite';

type Party = 'local' | 'socket';

// Postgres frontend message types after which the backend may be idle again: Sync and simple Query.
const SYNC = 0x53;
const QUERY = 0x51;

/**
 * PGlite has one backend. `nexus serve` talks to it in-process while other `nexus` commands talk to it
 * through the Unix socket; each side sends a transaction (or an extended-protocol batch) as several
 * messages, and PGlite's own mutex only guards one message. The floor gives the backend to one side
 * from its first message until the backend is idle again (after Sync/Query, outside a transaction),
 * so the two sides' statements and transactions never interleave.
 */
export class PgliteFloor {
  private holder: Party | null = null;
  private waiting: { party: Party; resume: () => void }[] = [];

  constructor(
    private readonly pglite: PGlite,
    /** How many socket clients are connected; a held floor with none left is given back. */
    private readonly socketClients: () => number = () => 1,
  ) {}

  private async acquire(party: Party): Promise<void> {
    if (this.holder === party) return;
    if (this.holder === null && this.waiting.length === 0) {
      this.holder = party;
      return;
    }
    await new Promise<void>((resume) => {
      this.waiting.push({ party, resume });
      this.watchAbandoned();
    });
  }

  private release(): void {
    this.holder = null;
    const next = this.waiting.shift();
    if (!next) return;
    this.holder = next.party;
    // Everyone else of the same party waiting may go too.
    for (const w of this.waiting.filter((w) => w.party === next.party)) w.resume();
    this.waiting = this.waiting.filter((w) => w.party !== next.party);
    next.resume();
  }

  private watching = false;
  // A socket client that disconnects mid-batch leaves the floor held; give it back when none is left.
  private watchAbandoned(): void {
    if (this.watching) return;
    this.watching = true;
    const timer = setInterval(() => {
      if (this.waiting.length === 0) {
        clearInterval(timer);
        this.watching = false;
        return;
      }
      if (this.holder === 'socket' && this.socketClients() === 0) {
        if (this.pglite.isInTransaction()) void this.pglite.exec('rollback').finally(() => this.release());
        else this.release();
      }
    }, 50);
    timer.unref();
  }

  private after(message: Uint8Array): void {
    const type = message[0];
    if ((type === SYNC || type === QUERY) && !this.pglite.isInTransaction()) this.release();
  }

  /** The PGlite the in-process pool uses (node-postgres adapter: execProtocolStream per message). */
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

  /** The PGlite the socket server uses (runExclusive around execProtocolRawStream per message). */
  socket(): PGlite {
    let last: Uint8Array | undefined;
    return new Proxy(this.pglite, {
      get: (target, prop, receiver) => {
        if (prop === 'runExclusive') {
          return async <T>(fn: () => Promise<T>) => {
            await this.acquire('socket');
            try {
              return await target.runExclusive(fn);
            } finally {
              if (last) this.after(last);
            }
          };
        }
        // The socket server's queue keeps a client's transaction together; it must only see its own.
        if (prop === 'isInTransaction') return () => this.holder === 'socket' && target.isInTransaction();
        if (prop === 'exec') {
          // Its ROLLBACK for a client that left mid-transaction.
          return async (query: string) => {
            try {
              return await target.exec(query);
            } finally {
              if (this.holder === 'socket' && !target.isInTransaction()) this.release();
            }
          };
        }
        if (prop === 'execProtocolRawStream') {
          return (message: Uint8Array, options?: unknown) => {
            last = message;
            return target.execProtocolRawStream(message, options as never);
          };
        }
        const value = Reflect.get(target, prop, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  }
}
