import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../core/services.js';
import { actorOf } from '../plugins/authenticate.js';
import { documentSchema, errors, listOf } from '../schemas.js';

const errs = errors(400, 401, 403, 404, 409);
const color = z.string().max(20);

/** The tag and category catalogues: staff read, admins manage. */
export function catalogueRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const name = (max: number) => z.strictObject({ name: z.string().min(1).max(max) });

  r.get('/v1/tags', { schema: { tags: ['catalogues'], summary: 'List tags', response: { 200: listOf(documentSchema), ...errs } } }, async (request) => services.tags.list(actorOf(request)) as never);
  r.post(
    '/v1/tags',
    { config: { idempotent: true }, schema: { tags: ['catalogues'], summary: 'Create a tag', body: z.strictObject({ name: z.string().min(1).max(50), color: color.optional() }), response: { 201: documentSchema, ...errs } } },
    async (request, reply) => reply.code(201).send((await services.tags.create(actorOf(request), request.body)) as never),
  );
  r.patch(
    '/v1/tags/:name',
    { schema: { tags: ['catalogues'], summary: 'Rename or recolour a tag: `name` is the new name', params: name(50), body: z.strictObject({ name: z.string().min(1).max(50).optional(), color: color.nullable().optional() }), response: { 200: documentSchema, ...errs } } },
    async (request) => services.tags.update(actorOf(request), { name: request.params.name, newName: request.body.name, color: request.body.color }) as never,
  );
  r.delete('/v1/tags/:name', { schema: { tags: ['catalogues'], summary: 'Delete a tag (untags its tickets)', params: name(50), response: { 200: documentSchema, ...errs } } }, async (request) =>
    services.tags.delete(actorOf(request), { name: request.params.name }) as never,
  );

  r.get('/v1/categories', { schema: { tags: ['catalogues'], summary: 'List categories', response: { 200: listOf(documentSchema), ...errs } } }, async (request) => services.categories.list(actorOf(request)) as never);
  r.post(
    '/v1/categories',
    { config: { idempotent: true }, schema: { tags: ['catalogues'], summary: 'Create a category', body: z.strictObject({ name: z.string().min(1).max(100), description: z.string().max(2000).optional() }), response: { 201: documentSchema, ...errs } } },
    async (request, reply) => reply.code(201).send((await services.categories.create(actorOf(request), request.body)) as never),
  );
  r.patch(
    '/v1/categories/:name',
    { schema: { tags: ['catalogues'], summary: 'Rename or describe a category: `name` is the new name', params: name(100), body: z.strictObject({ name: z.string().min(1).max(100).optional(), description: z.string().max(2000).nullable().optional() }), response: { 200: documentSchema, ...errs } } },
    async (request) => services.categories.update(actorOf(request), { name: request.params.name, newName: request.body.name, description: request.body.description ?? undefined }) as never,
  );
  r.delete('/v1/categories/:name', { schema: { tags: ['catalogues'], summary: 'Delete a category (clears it from tickets)', params: name(100), response: { 200: documentSchema, ...errs } } }, async (request) =>
    services.categories.delete(actorOf(request), { name: request.params.name }) as never,
  );
}
