import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NexusError } from '../../core/errors.js';
import type { Services } from '../../core/services.js';
import { actorOf } from '../plugins/authenticate.js';
import { errors, listOf, userSchema } from '../schemas.js';

const role = z.enum(['customer', 'agent', 'admin']);
const emailParams = z.strictObject({ email: z.string().min(3).max(320) });
const errs = errors(400, 401, 403, 404, 409);

/**
 * Accounts (admin), the API twin of `nexus users`: list, create, change role, disable/enable, set a
 * password. An account is named by its email in the path, as in the CLI.
 */
export function userRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['users'];
  r.get(
    '/v1/users',
    {
      schema: {
        tags,
        summary: 'List accounts (admin), admins first, then by email',
        querystring: z.strictObject({
          role: role.optional(),
          active: z.enum(['true', 'false']).optional().describe('true hides disabled accounts'),
          search: z.string().max(200).optional(),
          limit: z.string().regex(/^\d{1,4}$/, 'must be a number from 1 to 1000').optional(),
          cursor: z.string().max(500).optional(),
        }),
        response: { 200: listOf(userSchema), ...errs },
      },
    },
    async (request) => {
      const { role: only, active, ...rest } = request.query;
      return services.users.list(actorOf(request), { ...rest, role: only, includeDisabled: active !== 'true' });
    },
  );
  r.post(
    '/v1/users',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Create an account (admin); without a password it can only be used after a reset',
        body: z.strictObject({ email: z.string().max(320), name: z.string().max(200).optional(), role: role.optional(), password: z.string().max(1024).optional() }),
        response: { 201: userSchema, ...errs },
      },
    },
    async (request, reply) => reply.code(201).send(await services.users.create(actorOf(request), request.body)),
  );
  r.patch(
    '/v1/users/:email',
    {
      schema: {
        tags,
        summary: 'Change the role, or disable/enable the account (admin); never the last active admin',
        params: emailParams,
        body: z.strictObject({ role: role.optional(), isDisabled: z.boolean().optional() }),
        response: { 200: userSchema, ...errs },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { email } = request.params;
      const { role: newRole, isDisabled } = request.body;
      if (newRole === undefined && isDisabled === undefined) {
        throw new NexusError('VALIDATION_FAILED', 'Invalid input — role: give role or isDisabled', { details: [{ path: 'role', message: 'give role or isDisabled' }] });
      }
      const changed = newRole === undefined ? undefined : await services.users.setRole(actor, { email, role: newRole });
      return isDisabled === undefined ? changed! : services.users.setDisabled(actor, { email, disabled: isDisabled });
    },
  );
  r.put(
    '/v1/users/:email/password',
    {
      schema: { tags, summary: "Set an account's password (admin); its sessions end", params: emailParams, body: z.strictObject({ password: z.string().max(1024) }), response: { 200: userSchema, ...errs } },
    },
    async (request) => services.users.resetPassword(actorOf(request), { email: request.params.email, password: request.body.password }),
  );
}
