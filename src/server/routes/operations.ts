import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { aiStatusSchema } from '../../core/ai/get-ai-status.js';
import { aiTraceSchema } from '../../core/ai/list-ai-traces.js';
import { dbStatusSchema } from '../../core/db/get-db-status.js';
import { outboxMailSchema } from '../../core/email/outbound/list-outbox.js';
import type { Services } from '../../core/services.js';
import { actorOf } from '../plugins/authenticate.js';
import { errors, listOf, uuidParam } from '../schemas.js';

const errs = errors(400, 401, 403, 404);
const limit = (max: number) => z.string().regex(/^\d{1,4}$/, `must be a number from 1 to ${max}`).optional();

/**
 * The API twins of the CLI's operations commands (issue 8): `nexus email outbox` (admin), `nexus ai
 * traces` and `nexus ai status` (staff), `nexus db status` (admin). Same use cases, same documents as
 * their `--json`.
 */
export function operationsRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get(
    '/v1/email/outbox',
    {
      schema: {
        tags: ['email'],
        summary: 'Outgoing mail, newest first (admin): the queue (sent, waiting, failed and why) and the embedded outbox folder',
        querystring: z.strictObject({ status: z.enum(['queued', 'sending', 'sent', 'failed']).optional(), limit: limit(500), cursor: z.string().max(500).optional() }),
        response: { 200: listOf(outboxMailSchema), ...errs },
      },
    },
    async (request) => services.email.outbox(actorOf(request), request.query),
  );
  r.get(
    '/v1/ai/traces',
    {
      schema: {
        tags: ['ai'],
        summary: 'What the AI decided for each customer message, newest first (staff): outcome, model, tokens, cost, redactions',
        querystring: z.strictObject({ ticket: z.string().regex(/^[1-9]\d{0,9}$/, 'must be a ticket number, e.g. 1042').optional(), limit: limit(1000), cursor: z.string().max(500).optional() }),
        response: { 200: listOf(aiTraceSchema), ...errs },
      },
    },
    async (request) => services.ai.traces(actorOf(request), request.query),
  );
  r.get(
    '/v1/ai/traces/:traceId',
    { schema: { tags: ['ai'], summary: 'One AI decision (staff)', params: z.strictObject({ traceId: uuidParam }), response: { 200: aiTraceSchema, ...errs } } },
    async (request) => services.ai.trace(actorOf(request), request.params.traceId),
  );
  r.get(
    '/v1/ai/status',
    {
      schema: {
        tags: ['ai'],
        summary: "The desk's AI (staff): on or off and why, provider host, model, key present (never the key), breaker, limits, usage, queue",
        description: 'The configuration is the one the running `nexus serve` / `nexus worker` processes published (`configSource: server`); `nexus ai status` reads the same.',
        response: { 200: aiStatusSchema, ...errs },
      },
    },
    async (request) => services.ai.status(actorOf(request)),
  );
  r.get(
    '/v1/db/status',
    { schema: { tags: ['admin'], summary: 'Which schema migrations are applied and which are pending (admin)', response: { 200: dbStatusSchema, ...errs } } },
    async (request) => services.db.status(actorOf(request)),
  );
}
