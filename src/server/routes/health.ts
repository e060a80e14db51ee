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
      try {
        await sql`select 1`.execute(services.deps.db);
      } catch (error) {
        throw new NexusError('DATABASE_UNAVAILABLE', 'The database cannot be reached', { cause: error });
      }
      const status = await migrationStatus(services.deps.db);
      if (!status.current) throw new NexusError('SCHEMA_MISMATCH', `The database schema is not current (${status.pending} pending)`);
      return { status: 'ready' as const, migrations: status.applied };
    },
  );
}
