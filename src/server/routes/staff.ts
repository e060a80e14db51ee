import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NexusError } from '../../core/errors.js';
import type { Services } from '../../core/services.js';
import { withFieldNames } from '../field-names.js';
import { actorOf } from '../plugins/authenticate.js';
import { documentSchema, errors, listOf, messageSchema, ticketParams, ticketSchema } from '../schemas.js';

const tagName = z.string().min(1).max(50);
const staffErrors = errors(400, 401, 403, 404, 409);

/** Staff ticket routes. The core answers a customer 404 on any route naming a ticket (like a missing number), 403 on the rest. */
export function staffRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['staff'];
  const params = ticketParams;
  r.patch(
    '/v1/tickets/:number',
    {
      schema: {
        tags,
        summary: 'Change the priority, set pending/open, switch AI replies, correct the subject, or move to another customer (`customerEmail`)',
        description: '`status` is `pending` (waiting on the customer: the SLA clock pauses) or `open`; `aiEnabled` turns automatic AI replies on or off. Each change is recorded in the history.',
        params,
        body: z.strictObject({
          priority: z.enum(['low', 'medium', 'high', 'urgent']).optional(),
          status: z.enum(['pending', 'open']).optional(),
          aiEnabled: z.boolean().optional(),
          subject: z.string().max(500).optional(),
          customerEmail: z.string().max(320).optional(),
        }),
        response: { 200: ticketSchema, ...staffErrors },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const ticket = request.params.number;
      const { priority, status, aiEnabled, subject, customerEmail } = request.body;
      if (priority === undefined && status === undefined && aiEnabled === undefined && subject === undefined && customerEmail === undefined) {
        throw new NexusError('VALIDATION_FAILED', 'Invalid input — body: give priority, status, aiEnabled, subject or customerEmail', {
          details: [{ path: 'body', message: 'give priority, status, aiEnabled, subject or customerEmail' }],
        });
      }
      let result = subject !== undefined || customerEmail !== undefined ? await services.tickets.edit(actor, { ticket, subject, customerEmail }) : undefined;
      if (priority !== undefined) result = await services.tickets.setPriority(actor, { ticket, priority });
      if (status !== undefined) result = await services.tickets.setStatus(actor, { ticket, status });
      if (aiEnabled !== undefined) result = await services.tickets.setAi(actor, { ticket, enabled: aiEnabled });
      return result!;
    },
  );
  r.post(
    '/v1/tickets/:number/assign',
    {
      schema: {
        tags,
        summary: 'Assign to an agent or admin: `assignee` is an email, or @me (as `--assignee` in the CLI; `agent` is still read, deprecated)',
        params,
        body: z.strictObject({ assignee: z.string().min(1).max(320).optional(), agent: z.string().min(1).max(320).optional().meta({ deprecated: true }) }),
        response: { 200: ticketSchema, ...staffErrors },
      },
    },
    async (request) =>
      withFieldNames({ agent: 'assignee' }, () => services.tickets.assign(actorOf(request), { ticket: request.params.number, agent: (request.body.assignee ?? request.body.agent)! })),
  );
  r.post('/v1/tickets/:number/unassign', { schema: { tags, summary: 'Return to the queue', params, response: { 200: ticketSchema, ...staffErrors } } }, async (request) =>
    services.tickets.unassign(actorOf(request), { ticket: request.params.number }),
  );
  r.post('/v1/tickets/:number/close', { schema: { tags, summary: 'Close (resolve)', params, response: { 200: ticketSchema, ...staffErrors } } }, async (request) =>
    services.tickets.close(actorOf(request), { ticket: request.params.number }),
  );
  r.post('/v1/tickets/:number/reopen', { schema: { tags, summary: 'Reopen a closed ticket', params, response: { 200: ticketSchema, ...staffErrors } } }, async (request) =>
    services.tickets.reopen(actorOf(request), { ticket: request.params.number }),
  );
  r.post(
    '/v1/tickets/:number/notes',
    { config: { idempotent: true }, schema: { tags, summary: 'Add an internal note (never shown to the customer)', params, body: z.strictObject({ body: z.string().max(100_000) }), response: { 201: messageSchema, ...staffErrors } } },
    async (request, reply) => reply.code(201).send(await services.tickets.note(actorOf(request), { ticket: request.params.number, body: request.body.body })),
  );
  r.get('/v1/tickets/:number/history', { schema: { tags, summary: 'Every change: who, what, when', params, response: { 200: documentSchema, ...staffErrors } } }, async (request) =>
    services.tickets.history(actorOf(request), { ticket: request.params.number }) as never,
  );
  r.delete('/v1/tickets/:number', { schema: { tags, summary: 'Move to the trash (purged after 30 days)', params, response: { 200: documentSchema, ...staffErrors } } }, async (request) =>
    services.tickets.delete(actorOf(request), { tickets: [request.params.number] }),
  );
  r.post(
    '/v1/tickets/:number/tags',
    { schema: { tags, summary: 'Add tags', params, body: z.strictObject({ tags: z.array(tagName).min(1).max(50) }), response: { 200: documentSchema, ...staffErrors } } },
    async (request) => services.tickets.addTags(actorOf(request), { ticket: request.params.number, tags: request.body.tags }) as never,
  );
  r.delete(
    '/v1/tickets/:number/tags/:tag',
    { schema: { tags, summary: 'Remove a tag', params: z.strictObject({ number: params.shape.number, tag: tagName }), response: { 200: documentSchema, ...staffErrors } } },
    async (request) => services.tickets.removeTags(actorOf(request), { ticket: request.params.number, tags: [request.params.tag] }) as never,
  );
  r.put(
    '/v1/tickets/:number/category',
    { schema: { tags, summary: 'Set or clear (null) the category', params, body: z.strictObject({ category: z.string().min(1).max(100).nullable() }), response: { 200: documentSchema, ...staffErrors } } },
    async (request) => services.tickets.setCategory(actorOf(request), { ticket: request.params.number, category: request.body.category }) as never,
  );
  r.post(
    '/v1/tickets/:number/time-entries',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Log time spent',
        params,
        body: z.strictObject({ minutes: z.number().int().min(1).max(100_000), type: z.string().max(20).optional(), billable: z.boolean().optional(), description: z.string().max(2000).optional() }),
        response: { 201: documentSchema, ...staffErrors },
      },
    },
    async (request, reply) => reply.code(201).send((await services.tickets.logTime(actorOf(request), { ticket: request.params.number, ...request.body } as never)) as never),
  );
  r.get('/v1/tickets/:number/time-entries', { schema: { tags, summary: 'Time entries and totals', params, response: { 200: documentSchema, ...staffErrors } } }, async (request) =>
    services.tickets.listTime(actorOf(request), { ticket: request.params.number }) as never,
  );
  r.get('/v1/trash', { schema: { tags, summary: 'Tickets in the trash', response: { 200: listOf(documentSchema), ...staffErrors } } }, async (request) =>
    services.tickets.listTrash(actorOf(request)) as never,
  );
  r.post('/v1/trash/:number/restore', { schema: { tags, summary: 'Restore from the trash', params, response: { 200: ticketSchema, ...staffErrors } } }, async (request) =>
    services.tickets.restore(actorOf(request), { ticket: request.params.number }),
  );
  r.delete('/v1/trash/:number', { schema: { tags, summary: 'Purge for good (admin)', params, response: { 200: documentSchema, ...staffErrors } } }, async (request) =>
    services.tickets.purge(actorOf(request), { tickets: [request.params.number] }) as never,
  );
  r.get(
    '/v1/stats',
    { schema: { tags, summary: 'Desk statistics (tickets created in from–to), per agent, CSAT', querystring: z.strictObject({ from: z.string().max(40).optional(), to: z.string().max(40).optional() }), response: { 200: documentSchema, ...staffErrors } } },
    async (request) => services.tickets.stats(actorOf(request), request.query) as never,
  );
}
