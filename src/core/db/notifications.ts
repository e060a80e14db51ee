import pg from 'pg';

export interface NotificationHandlers {
  /** A notification on the channel, with its payload. */
  message(payload: string): void;
  /** Listening (again): every notification from now on arrives. */
  up(): void;
  /** The connection is gone: notifications may be missed until `up` is called again. */
  down(): void;
}

export interface Listener {
  close(): Promise<void>;
}

const RETRY_MS = 1000;

/**
 * LISTENs on a Postgres server's channel over a connection of its own, reconnecting (every second)
 * after the connection is lost. `down` is called at once when it is lost, so whoever relies on the
 * notifications stops relying on them until `up`.
 */
export function listenForNotifications(databaseUrl: string, channel: string, handlers: NotificationHandlers): Listener {
  if (!/^[a-z_][a-z0-9_]*$/.test(channel)) throw new Error(`invalid channel name ${channel}`);
  let closed = false;
  let client: pg.Client | null = null;
  let retry: NodeJS.Timeout | null = null;

  const lost = (c: pg.Client) => {
    if (client !== c) return;
    client = null;
    handlers.down();
    c.end().catch(() => {});
    if (!closed) retry = setTimeout(connect, RETRY_MS).unref();
  };

  async function connect(): Promise<void> {
    retry = null;
    if (closed) return;
    const c = new pg.Client({ connectionString: databaseUrl, connectionTimeoutMillis: 10_000 });
    client = c;
    c.on('error', () => lost(c));
    c.on('end', () => lost(c));
    c.on('notification', (n) => {
      if (n.channel === channel) handlers.message(n.payload ?? '');
    });
    try {
      await c.connect();
      await c.query(`listen ${channel}`);
      if (client === c && !closed) handlers.up();
    } catch {
      lost(c);
    }
  }

  void connect();
  return {
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = null;
      handlers.down();
      await c?.end().catch(() => {});
    },
  };
}
