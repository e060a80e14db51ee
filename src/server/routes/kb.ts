import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../core/access/permissions.js';
import { NexusError } from '../../core/errors.js';
import type { Services } from '../../core/services.js';
import { actorOf } from '../plugins/authenticate.js';
import { documentSchema, errors } from '../schemas.js';

const errs = errors(400, 401, 403, 404, 409);
const BEARER = /^Bearer ([A-Za-z0-9_\-.]{10,4096})$/;
const ref = z.strictObject({ article: z.string().min(1).max(200) });
const tags = ['kb'];

/** Public reads: anonymous callers (and customers) see published articles; a valid staff token sees drafts. */
async function readerOf(services: Services, request: FastifyRequest): Promise<Actor | null> {
  const header = request.headers.authorization;
  if (header === undefined) return null;
  const match = typeof header === 'string' ? BEARER.exec(header) : null;
  if (!match) throw new NexusError('UNAUTHENTICATED', 'The access token is malformed');
  return (await services.auth.verifyAccessToken(match[1]!)).actor;
}

/** The knowledge base under /v1/kb: public read of published articles and search; staff write. */
export function kbRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const articleBody = {
    title: z.string().max(300),
    body: z.string().max(200_000),
    tags: z.array(z.string().max(50)).max(30),
    locale: z.string().max(10),
  };

  r.get(
    '/v1/kb/articles',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'List articles (published ones for customers and anonymous readers)',
        querystring: z.strictObject({ status: z.enum(['draft', 'published']).optional(), locale: z.string().max(10).optional(), tag: z.string().max(50).optional(), limit: z.coerce.number().int().min(1).max(200).optional(), cursor: z.string().max(500).optional() }),
        response: { 200: documentSchema, ...errs },
      },
    },
    async (request) => services.kb.list(await readerOf(services, request), request.query) as never,
  );
  r.get(
    '/v1/kb/search',
    {
      config: { public: true },
      schema: {
        tags,
        summary: 'Search the knowledge base (published articles; staff may add drafts=true)',
        querystring: z.strictObject({ q: z.string().max(1000), locale: z.string().max(10).optional(), limit: z.coerce.number().int().min(1).max(50).optional(), drafts: z.enum(['true', 'false']).optional() }),
        response: { 200: documentSchema, ...errs },
      },
    },
    async (request) => services.kb.search(await readerOf(services, request), { ...request.query, drafts: request.query.drafts === 'true' }) as never,
  );
  r.get(
    '/v1/kb/articles/:article',
    { config: { public: true }, schema: { tags, summary: 'One article by id or slug', params: ref, response: { 200: documentSchema, ...errs } } },
    async (request) => services.kb.get(await readerOf(services, request), { article: request.params.article }) as never,
  );
  r.get('/v1/kb/articles/:article/versions', { schema: { tags, summary: 'The versions of an article (staff)', params: ref, response: { 200: documentSchema, ...errs } } }, async (request) =>
    services.kb.versions(actorOf(request), { article: request.params.article }) as never,
  );
  r.get(
    '/v1/tickets/:number/citations',
    { schema: { tags, summary: "Articles the ticket's AI replies cite (customers: published ones, with links)", params: z.strictObject({ number: z.coerce.number().int().positive() }), response: { 200: documentSchema, ...errs } } },
    async (request) => services.kb.citations(actorOf(request), { ticket: request.params.number }) as never,
  );
  r.post(
    '/v1/tickets/:number/suggest',
    { schema: { tags, summary: 'Agent assist: a draft reply from the thread and the knowledge base, with citations (never sent)', params: z.strictObject({ number: z.coerce.number().int().positive() }), response: { 200: documentSchema, ...errors(400, 401, 403, 404, 409, 502) } } },
    async (request) => services.kb.suggest(actorOf(request), { ticket: request.params.number }) as never,
  );
  r.get(
    '/v1/tickets/:number/similar',
    { schema: { tags, summary: 'Agent assist: resolved tickets like this one', params: z.strictObject({ number: z.coerce.number().int().positive() }), querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(50).optional() }), response: { 200: documentSchema, ...errs } } },
    async (request) => services.kb.similar(actorOf(request), { ticket: request.params.number, limit: request.query.limit }) as never,
  );
  r.post(
    '/v1/kb/articles',
    {
      config: { idempotent: true },
      schema: { tags, summary: 'Create a draft article (staff)', body: z.strictObject({ ...articleBody, body: articleBody.body.optional(), tags: articleBody.tags.optional(), locale: articleBody.locale.optional(), slug: z.string().max(120).optional() }), response: { 201: documentSchema, ...errs } },
    },
    async (request, reply) => reply.code(201).send((await services.kb.create(actorOf(request), request.body)) as never),
  );
  r.patch(
    '/v1/kb/articles/:article',
    { schema: { tags, summary: 'Change an article: a new version (staff)', params: ref, body: z.strictObject({ title: articleBody.title.optional(), body: articleBody.body.optional(), tags: articleBody.tags.optional(), locale: articleBody.locale.optional() }), response: { 200: documentSchema, ...errs } } },
    async (request) => services.kb.edit(actorOf(request), { article: request.params.article, ...request.body }) as never,
  );
  r.post('/v1/kb/articles/:article/publish', { schema: { tags, summary: 'Publish a draft (staff)', params: ref, response: { 200: documentSchema, ...errs } } }, async (request) =>
    services.kb.publish(actorOf(request), { article: request.params.article }) as never,
  );
  r.post('/v1/kb/articles/:article/unpublish', { schema: { tags, summary: 'Take an article back to draft (staff)', params: ref, response: { 200: documentSchema, ...errs } } }, async (request) =>
    services.kb.unpublish(actorOf(request), { article: request.params.article }) as never,
  );
  r.delete('/v1/kb/articles/:article', { schema: { tags, summary: 'Delete an article and its versions (admin)', params: ref, response: { 200: documentSchema, ...errs } } }, async (request) =>
    services.kb.remove(actorOf(request), { article: request.params.article }) as never,
  );
}
