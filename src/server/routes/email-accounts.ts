import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../core/services.js';
import { actorOf } from '../plugins/authenticate.js';
import { documentSchema, errors } from '../schemas.js';

const tags = ['email'];
const errs = errors(400, 401, 403, 404, 409);
const listSchema = z.object({ items: z.array(documentSchema), nextCursor: z.string().nullable() });
const accountParams = z.strictObject({ account: z.string().min(1).max(320) });
const side = z.record(z.string(), z.unknown());
const accountBody = {
  displayName: z.string().max(200).nullable().optional(),
  aliases: z.array(z.string()).optional(),
  isDefault: z.boolean().optional(),
  isActive: z.boolean().optional(),
  inbound: side.optional(),
  outbound: side.optional(),
};

/** Mail accounts (admin): the same use cases as `nexus email accounts`, secrets masked in every answer. */
export function emailAccountRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/v1/email-accounts', { schema: { tags, summary: 'List mail accounts', response: { 200: listSchema, ...errs } } }, async (request) => services.email.accounts.list(actorOf(request)) as never);
  r.post(
    '/v1/email-accounts',
    { config: { idempotent: true }, schema: { tags, summary: 'Add a mail account', body: z.strictObject({ address: z.string(), ...accountBody }), response: { 201: documentSchema, ...errs } } },
    async (request, reply) => reply.code(201).send((await services.email.accounts.add(actorOf(request), request.body as never)) as never),
  );
  r.get('/v1/email-accounts/:account', { schema: { tags, summary: 'Show a mail account', params: accountParams, response: { 200: documentSchema, ...errs } } }, async (request) =>
    services.email.accounts.show(actorOf(request), request.params.account) as never,
  );
  r.patch(
    '/v1/email-accounts/:account',
    { schema: { tags, summary: 'Change a mail account (a side given replaces the stored one; secrets left out are kept)', params: accountParams, body: z.strictObject(accountBody), response: { 200: documentSchema, ...errs } } },
    async (request) => services.email.accounts.update(actorOf(request), { account: request.params.account, ...(request.body as object) } as never) as never,
  );
  r.delete('/v1/email-accounts/:account', { schema: { tags, summary: 'Remove a mail account', params: accountParams, response: { 200: documentSchema, ...errs } } }, async (request) =>
    services.email.accounts.remove(actorOf(request), request.params.account) as never,
  );
  r.post('/v1/email-accounts/:account/test', { schema: { tags, summary: 'Log in to both sides and report each step', params: accountParams, response: { 200: documentSchema, ...errs } } }, async (request) =>
    services.email.accounts.test(actorOf(request), request.params.account) as never,
  );
}
