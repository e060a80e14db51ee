import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Actor } from '../../core/access/permissions.js';
import type { Services } from '../../core/services.js';
import type { Message, Ticket } from '../../core/tickets/ticket.js';
import { withFieldNames } from '../field-names.js';
import { actorOf } from '../plugins/authenticate.js';
import { aiOutcomeSchema, documentSchema, errors, listedTicketSchema, listOf, messageSchema, ticketParams, ticketSchema, ticketWorkSchema, uuidParam } from '../schemas.js';

const priority = z.enum(['low', 'medium', 'high', 'urgent']);
const body = z.string().max(100_000);
const csv = z.string().max(200);

/** The AI outcome of a customer message (waiting up to ai.waitSeconds); `disabled` at once when no model is configured. */
async function aiOutcome(services: Services, messageId: string) {
  const { ai } = services.deps.config;
  if (!ai.apiKey || !ai.enabled) return { status: 'disabled' as const, reason: 'not_configured' };
  return services.ai.outcome(messageId, { waitMs: ai.waitSeconds * 1000 });
}

/**
 * The answer to a customer message: the AI's outcome and the ticket as stored after it (a hand-off
 * escalates the ticket while the request waits, so the ticket read before it would be stale).
 */
async function afterHooks<R extends { ticket: Ticket; message: Message }>(services: Services, actor: Actor, result: R) {
  if (result.message.kind !== 'customer') return { ...result, ai: { status: 'disabled' as const, reason: 'not_a_customer_message' } };
  const ai = await aiOutcome(services, result.message.id);
  const ticket = ai.status === 'disabled' ? result.ticket : await services.tickets.get(actor, { ticket: result.ticket.number });
  return { ...result, ticket, ai };
}

/** Customer-facing ticket routes (staff use them too): open, list, read, reply, escalate, rate, SLA. */
export function ticketRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['tickets'];
  r.post(
    '/v1/tickets',
    {
      config: { idempotent: true },
      schema: {
        tags,
        summary: 'Open a ticket with its first message (or continue the open one with the same subject and context)',
        description:
          'Accepts `Idempotency-Key`. `created` is false when an open ticket was continued. The first message is `body`, as in replies and notes (`message` is still read, deprecated).',
        body: z.strictObject({
          subject: z.string().max(500),
          body: body.optional(),
          message: body.optional().meta({ deprecated: true, description: 'Deprecated: use `body`.' }),
          context: z.string().max(200).nullish(),
          priority: priority.optional(),
          customerEmail: z.string().max(320).optional(),
        }),
        response: { 201: z.object({ created: z.literal(true), ticket: ticketSchema, message: messageSchema, ai: aiOutcomeSchema }), 200: z.object({ created: z.literal(false), ticket: ticketSchema, message: messageSchema, ai: aiOutcomeSchema }), ...errors(400, 401, 403, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const { body: text, message, ...rest } = request.body;
      const created = await withFieldNames({ message: 'body' }, () => services.tickets.create(actor, { ...rest, message: (text ?? message)!, source: 'api' }));
      const result = await afterHooks(services, actor, created);
      return reply.code(result.created ? 201 : 200).send(result as never);
    },
  );
  r.get(
    '/v1/tickets',
    {
      schema: {
        tags,
        summary: 'List or search tickets (customers see their own)',
        querystring: z.strictObject({
          status: csv.optional(),
          priority: csv.optional(),
          assignee: z.string().max(320).optional(),
          customer: z.string().max(320).optional(),
          context: z.string().max(200).optional(),
          tag: z.string().max(50).optional(),
          category: z.string().max(100).optional(),
          from: z.string().max(40).optional(),
          to: z.string().max(40).optional(),
          q: z.string().max(500).optional(),
          sort: z.string().max(20).optional(),
          limit: z.string().regex(/^\d{1,3}$/, 'must be a number from 1 to 100').optional(),
          cursor: z.string().max(500).optional(),
          sla: z.string().max(20).optional(),
        }),
        response: { 200: listOf(listedTicketSchema), ...errors(400, 401) },
      },
    },
    async (request) => services.tickets.list(actorOf(request), request.query as never),
  );
  r.get(
    '/v1/tickets/:number',
    { schema: { tags, summary: 'A ticket with its thread (customers never see internal notes); staff also get `work`: tags, category, time totals', params: ticketParams, response: { 200: z.object({ ticket: ticketSchema, messages: z.array(messageSchema), work: ticketWorkSchema.optional() }), ...errors(400, 401, 404) } } },
    async (request) => services.tickets.view(actorOf(request), { ticket: request.params.number }),
  );
  r.post(
    '/v1/tickets/:number/messages',
    {
      config: { idempotent: true },
      schema: { tags, summary: 'Reply in the thread (a customer reply reopens a closed ticket)', description: 'Accepts `Idempotency-Key`.', params: ticketParams, body: z.strictObject({ body }), response: { 201: z.object({ ticket: ticketSchema, message: messageSchema, ai: aiOutcomeSchema }), ...errors(400, 401, 404, 409, 422, 429) } },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      return reply.code(201).send(await afterHooks(services, actor, await services.tickets.reply(actor, { ticket: request.params.number, body: request.body.body })));
    },
  );
  r.post(
    '/v1/tickets/:number/escalate',
    { schema: { tags, summary: 'Ask for a human', params: ticketParams, body: z.strictObject({ reason: z.string().max(2000).optional() }).nullish(), response: { 200: ticketSchema, ...errors(400, 401, 404, 409) } } },
    async (request) => services.tickets.escalate(actorOf(request), { ticket: request.params.number, reason: request.body?.reason }),
  );
  r.put(
    '/v1/tickets/:number/messages/:messageId/rating',
    {
      schema: {
        tags,
        summary: 'Rate an AI answer (1–5)',
        params: z.strictObject({ number: ticketParams.shape.number, messageId: uuidParam }),
        body: z.strictObject({ rating: z.number().int().min(1).max(5), comment: z.string().max(2000).optional() }),
        response: { 200: documentSchema, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => services.tickets.rateMessage(actorOf(request), { ticket: request.params.number, messageId: request.params.messageId, ...request.body }) as never,
  );
  r.get(
    '/v1/tickets/:number/sla',
    {
      schema: {
        tags,
        summary: 'Service-level state of a ticket: state, due times, time left in business time',
        description: 'Staff also get the policy and the steps of the arithmetic (`sla explain`); customers get `policy` and `steps` as null.',
        params: ticketParams,
        querystring: z.strictObject({ now: z.string().max(40).optional() }),
        response: { 200: documentSchema, ...errors(400, 401, 404) },
      },
    },
    async (request) => services.sla.explain(actorOf(request), { ticket: request.params.number, now: request.query.now }) as never,
  );
}
