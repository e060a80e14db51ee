import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../core/services.js';
import { actorOf } from '../plugins/authenticate.js';
import { aiOutcomeSchema, documentSchema, errors, listedTicketSchema, messageSchema, ticketParams, ticketSchema, ticketWorkSchema, uuidParam } from '../schemas.js';

const priority = z.enum(['low', 'medium', 'high', 'urgent']);
const body = z.string().max(100_000);
const csv = z.string().max(200);

/** The AI outcome of a customer message (waiting up to ai.waitSeconds); `disabled` at once when no model is configured. */
async function aiOutcome(services: Services, messageId: string) {
  const { ai } = services.deps.config;
  if (!ai.apiKey || !ai.enabled) return { status: 'disabled' as const, reason: 'not_configured' };
  return services.ai.outcome(messageId, { waitMs: ai.waitSeconds * 1000 });
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
        description: 'Accepts `Idempotency-Key`. `created` is false when an open ticket was continued.',
        body: z.strictObject({ subject: z.string().max(500), message: body, context: z.string().max(200).nullish(), priority: priority.optional(), customerEmail: z.string().max(320).optional() }),
        response: { 201: z.object({ created: z.literal(true), ticket: ticketSchema, message: messageSchema, ai: aiOutcomeSchema }), 200: z.object({ created: z.literal(false), ticket: ticketSchema, message: messageSchema, ai: aiOutcomeSchema }), ...errors(400, 401, 403, 409, 422, 429) },
      },
    },
    async (request, reply) => {
      const result = await services.tickets.create(actorOf(request), { ...request.body, source: 'api' });
      const ai = result.message.kind === 'customer' ? await aiOutcome(services, result.message.id) : { status: 'disabled' as const, reason: 'not_a_customer_message' };
      return reply.code(result.created ? 201 : 200).send({ ...result, ai } as never);
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
        }),
        response: { 200: z.object({ tickets: z.array(listedTicketSchema), nextCursor: z.string().nullable() }), ...errors(400, 401) },
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
      const result = await services.tickets.reply(actorOf(request), { ticket: request.params.number, body: request.body.body });
      const ai = result.message.kind === 'customer' ? await aiOutcome(services, result.message.id) : { status: 'disabled' as const, reason: 'not_a_customer_message' };
      return reply.code(201).send({ ...result, ai });
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
        summary: 'Service-level state of a ticket (placeholder until SLA policies exist)',
        params: ticketParams,
        response: { 200: z.object({ ticket: z.number(), policy: z.null(), firstResponseAt: z.string().nullable(), resolvedAt: z.string().nullable(), status: z.literal('no_policy') }), ...errors(400, 401, 404) },
      },
    },
    async (request) => {
      const { ticket } = await services.tickets.view(actorOf(request), { ticket: request.params.number });
      return { ticket: ticket.number, policy: null, firstResponseAt: ticket.firstResponseAt, resolvedAt: ticket.resolvedAt, status: 'no_policy' as const };
    },
  );
}
