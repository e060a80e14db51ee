import { z } from 'zod';
import { authorize, type Actor } from '../access/permissions.js';
import type { Deps } from '../deps.js';
import { describeTarget } from './database.js';
import { migrationStatus } from './migrator.js';

/** `nexus db status --json` and GET /v1/db/status: which migrations are applied and which are pending. */
export const dbStatusSchema = z
  .object({
    /** The database, credentials left out: `embedded (<dataDir>/pgdata)` or `postgres://user@host/db`. */
    database: z.string(),
    kind: z.enum(['pglite', 'postgres']),
    current: z.boolean(),
    applied: z.number().int(),
    pending: z.number().int(),
    migrations: z.array(z.object({ version: z.string(), name: z.string(), status: z.enum(['applied', 'pending', 'unknown']) })),
  })
  .meta({ id: 'DbStatus' });
export type DbStatus = z.infer<typeof dbStatusSchema>;

async function readDbStatus(deps: Deps): Promise<DbStatus> {
  return {
    database: describeTarget(deps.config),
    kind: deps.config.databaseUrl ? 'postgres' : 'pglite',
    ...(await migrationStatus(deps.db)),
  };
}

/** GET /v1/db/status: admins only. */
export async function getDbStatus(deps: Deps, actor: Actor): Promise<DbStatus> {
  authorize(actor, 'db.view');
  return readDbStatus(deps);
}

/**
 * `nexus db status`: whoever can open the database — its data folder or its URL — may see its
 * migrations, logged in or not (like `nexus db migrate`, it runs before any account exists).
 */
export function getDbStatusAsOwner(deps: Deps): Promise<DbStatus> {
  return readDbStatus(deps);
}
