import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { FORGOT_PASSWORD_ANSWER } from '../../core/auth/request-password-reset.js';
import type { Services } from '../../core/services.js';
import { emailSchema } from '../../core/validation.js';
import { actorOf } from '../plugins/authenticate.js';
import { errors, tokenPairSchema, userSchema } from '../schemas.js';

const email = z.string().max(320);
const password = z.string().max(1024);
const refreshBody = z.strictObject({ refreshToken: z.string().min(1).max(512) });
const clientOf = (ua: string | undefined) => (typeof ua === 'string' ? ua.slice(0, 200) : null);
// Login and password-reset routes are brute-force targets: a tighter per-address limit than the rest.
const strict = { rateLimit: { max: 20, timeWindow: 60_000 } };

export function authRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['auth'];
  r.post(
    '/v1/auth/register',
    { config: { public: true, ...strict }, schema: { tags, summary: 'Create a customer account and log in', security: [], body: z.strictObject({ email, password, name: z.string().max(200).optional() }), response: { 201: tokenPairSchema, ...errors(400, 409, 429) } } },
    async (request, reply) => reply.code(201).send(await services.auth.register(request.body, { client: clientOf(request.headers['user-agent']) })),
  );
  r.post(
    '/v1/auth/login',
    { config: { public: true, ...strict }, schema: { tags, summary: 'Log in with email and password', security: [], body: z.strictObject({ email, password }), response: { 200: tokenPairSchema, ...errors(400, 401, 403, 429) } } },
    async (request) => services.auth.logIn(request.body, { address: request.ip, client: clientOf(request.headers['user-agent']) }),
  );
  r.post(
    '/v1/auth/refresh',
    { config: { public: true }, schema: { tags, summary: 'Exchange a refresh token for a new pair (the old one is spent)', security: [], body: refreshBody, response: { 200: tokenPairSchema, ...errors(400, 401, 403) } } },
    async (request) => services.auth.refresh(request.body.refreshToken, { client: clientOf(request.headers['user-agent']) }),
  );
  r.post(
    '/v1/auth/logout',
    {
      schema: {
        tags,
        summary: 'End this login (or every login with `everywhere`)',
        body: z.strictObject({ refreshToken: z.string().max(512).optional(), everywhere: z.boolean().optional() }).nullish(),
        response: { 200: z.object({ loggedOut: z.literal(true) }), ...errors(400, 401) },
      },
    },
    async (request) => services.auth.logOut(actorOf(request), { sessionFamily: request.auth!.sessionFamily, refreshToken: request.body?.refreshToken, everywhere: request.body?.everywhere }),
  );
  r.post(
    '/v1/auth/forgot-password',
    {
      config: { public: true, ...strict },
      schema: {
        tags,
        summary: 'Mail a single-use reset token (same answer, in the same time, for unknown emails)',
        security: [],
        body: z.strictObject({ email: emailSchema }),
        response: { 202: z.object({ accepted: z.literal(true), message: z.string() }), ...errors(400, 429) },
      },
    },
    async (request, reply) => {
      // Answered before the work is done, so how long it takes tells nothing about the account.
      services.auth.forgotPassword(request.body, { address: request.ip }).catch((error: unknown) => request.log.error({ err: error }, 'password reset request failed'));
      return reply.code(202).send(FORGOT_PASSWORD_ANSWER);
    },
  );
  r.post(
    '/v1/auth/reset-password',
    { config: { public: true, ...strict }, schema: { tags, summary: 'Set a new password with a reset token; ends every session', security: [], body: z.strictObject({ token: z.string().max(512), password }), response: { 200: z.object({ reset: z.literal(true) }), ...errors(400, 429) } } },
    async (request) => services.auth.resetPassword(request.body),
  );
  r.get('/v1/auth/me', { schema: { tags, summary: 'The account behind the access token', response: { 200: userSchema, ...errors(401) } } }, async (request) => services.auth.me(actorOf(request)));
}
