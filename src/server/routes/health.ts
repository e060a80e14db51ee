import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sql } from 'kysely';
import { migrationStatus } from '../../core/db/migrator.js';
import { NexusError } from '../../core/errors.js';
import type { Services } from '../../core/services.js';
import { errors } from '../schemas.js';

/** `/healthz`: the process answers. `/readyz`: the database answers and its schema matches this build. */
export function healthRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/healthz', { config: { public: true, rateLimit: false }, schema: { tags: ['health'], summary: 'Process is alive', security: [], response: { 200: z.object({ status: z.literal('ok') }) } } }, async () => ({ status: 'ok' as const }));
  r.get(
    '/readyz',
    { config: { public: true, rateLimit: false }, schema: { tags: ['health'], summary: 'Database reachable and migrations current', security: [], response: { 200: z.object({ status: z.literal('ready'), migrations: z.number() }), ...errors(503) } } },
    async () => {
      // Through the same pool and the same unqualified names the routes use: a session whose search_path
      // or read-only setting was changed under it is not ready, whatever `select 1` says.
      let readOnly: string | undefined;
      try {
        await sql`select 1 from users limit 1`.execute(services.deps.db);
        readOnly = (await sql<{ ro: string }>`select current_setting('transaction_read_only') as ro`.execute(services.deps.db)).rows[0]?.ro;
      } catch (error) {
        throw new NexusError('DATABASE_UNAVAILABLE', 'The database cannot be reached', { cause: error, retryAfterSeconds: 2 });
      }
      if (readOnly === 'on') throw new NexusError('DATABASE_UNAVAILABLE', 'The database is read-only', { retryAfterSeconds: 2 });
      const status = await migrationStatus(services.deps.db);
      if (!status.current) throw new NexusError('SCHEMA_MISMATCH', `The database schema is not current (${status.pending} pending)`);
      return { status: 'ready' as const, migrations: status.applied };
    },
  );
}
