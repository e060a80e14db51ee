import pg from 'pg';

/** The Postgres server the suite uses: NEXUS_TEST_DATABASE_URL, or the local one on 127.0.0.1:5432. */
export const adminUrl = (): string => process.env.NEXUS_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export function urlFor(database: string): string {
  const url = new URL(adminUrl());
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export async function isPostgresReachable(): Promise<boolean> {
  try {
    await withAdminClient((c) => c.query('select 1'));
    return true;
  } catch {
    return false;
  }
}
