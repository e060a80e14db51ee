import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../core/services.js';
import { actorOf } from '../plugins/authenticate.js';
import { documentSchema, errors } from '../schemas.js';

const tags = ['email'];
const errs = errors(400, 401, 403, 404);
const params = z.strictObject({ key: z.string().min(1).max(50) });

/** Mail templates (admin): list, show, edit, preview against a ticket. */
export function emailTemplateRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/v1/email-templates', { schema: { tags, summary: 'List mail templates', response: { 200: z.object({ items: z.array(documentSchema), nextCursor: z.string().nullable() }), ...errs } } }, async (request) =>
    services.email.templates.list(actorOf(request)) as never,
  );
  r.get('/v1/email-templates/:key', { schema: { tags, summary: 'Show a mail template', params, response: { 200: documentSchema, ...errs } } }, async (request) => services.email.templates.show(actorOf(request), request.params.key) as never);
  r.patch(
    '/v1/email-templates/:key',
    { schema: { tags, summary: 'Edit a mail template (or reset it to the built-in text)', params, body: z.strictObject({ subject: z.string().optional(), body: z.string().optional(), enabled: z.boolean().optional(), reset: z.boolean().optional() }), response: { 200: documentSchema, ...errs } } },
    async (request) => services.email.templates.edit(actorOf(request), { key: request.params.key as never, ...request.body }) as never,
  );
  r.post(
    '/v1/email-templates/:key/preview',
    { schema: { tags, summary: 'Render a mail template against a ticket', params, body: z.strictObject({ ticket: z.number().int().positive().optional() }).optional(), response: { 200: documentSchema, ...errs } } },
    async (request) => services.email.templates.preview(actorOf(request), { key: request.params.key, ticket: request.body?.ticket }) as never,
  );
}
