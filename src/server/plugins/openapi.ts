import swagger from '@fastify/swagger';
import type { FastifyInstance } from 'fastify';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { VERSION } from '../../version.js';
import { DOCS_HTML, DOCS_SCRIPT } from './docs-page.js';

/** OpenAPI 3.1 from the routes' zod schemas at /openapi.json, rendered by a small same-origin page at /docs. */
export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Nexus API', version: VERSION, description: 'Customer and staff REST API of the Nexus support desk. Errors: {"error":{"code","message","details?"}}.' },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } } },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  app.get('/docs', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(DOCS_HTML));
  app.get('/docs/app.js', { config: { public: true }, schema: { hide: true } }, async (_request, reply) => reply.type('text/javascript; charset=utf-8').send(DOCS_SCRIPT));
}
