import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../core/services.js';
import { actorOf } from '../plugins/authenticate.js';
import { documentSchema, errors } from '../schemas.js';

const errs = errors(400, 401, 403, 404, 409);
const list = z.object({ items: z.array(documentSchema), nextCursor: z.null() });
const nameParam = z.string().min(1).max(100);
const params = {
  policy: z.strictObject({ policy: nameParam }),
  calendar: z.strictObject({ calendar: nameParam }),
  rule: z.strictObject({ rule: nameParam }),
  group: z.strictObject({ group: nameParam }),
};
const strings = z.union([z.string().max(2000), z.array(z.string().max(200)).max(100)]);
const hours = z.union([z.string().max(500), z.record(z.string(), z.array(z.object({ start: z.string().max(5), end: z.string().max(5) })).max(10))]);
const duration = z.union([z.number(), z.string().max(40)]);

const policyBody = {
  name: z.string().max(100),
  priority: z.string().max(20),
  firstResponse: duration,
  resolution: duration,
  calendar: z.string().max(100).nullable(),
  pauseStatuses: strings,
  aiCountsAsFirstResponse: z.boolean(),
  warnPercent: z.number(),
};
const calendarBody = { name: z.string().max(100), timeZone: z.string().max(100), hours, holidays: strings };
const conditions = z
  .object({ keywords: strings, subjectKeywords: strings, bodyKeywords: strings, source: strings, context: strings, priority: strings, tags: strings, emailDomain: strings })
  .partial()
  .strict();
const actions = z
  .object({ assign: z.string().max(320), group: z.string().max(100), strategy: z.string().max(20), setPriority: z.string().max(20), addTags: strings, setCategory: z.string().max(100), stop: z.boolean() })
  .partial()
  .strict();
const groupBody = { name: z.string().max(100), members: strings };

/** Admin routes for SLA policies and calendars, routing rules and agent groups (staff may read). */
export function slaRoutingRoutes(app: FastifyInstance, services: Services): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  const sla = ['sla'];
  r.get('/v1/sla-policies', { schema: { tags: sla, summary: 'SLA policies, one per priority', response: { 200: list, ...errs } } }, async (q) => services.sla.policies.list(actorOf(q)) as never);
  r.post('/v1/sla-policies', { config: { idempotent: true }, schema: { tags: sla, summary: 'Create the policy for a priority (targets: seconds or "4h")', body: z.strictObject(policyBody).partial(), response: { 201: documentSchema, ...errs } } }, async (q, reply) =>
    reply.code(201).send((await services.sla.policies.create(actorOf(q), q.body as never)) as never),
  );
  r.patch('/v1/sla-policies/:policy', { schema: { tags: sla, summary: 'Change a policy', params: params.policy, body: z.strictObject(policyBody).partial(), response: { 200: documentSchema, ...errs } } }, async (q) =>
    services.sla.policies.update(actorOf(q), { ...(q.body as object), policy: q.params.policy } as never) as never,
  );
  r.delete('/v1/sla-policies/:policy', { schema: { tags: sla, summary: 'Remove a policy', params: params.policy, response: { 200: documentSchema, ...errs } } }, async (q) =>
    services.sla.policies.remove(actorOf(q), { policy: q.params.policy }) as never,
  );
  r.get('/v1/sla-calendars', { schema: { tags: sla, summary: 'Business calendars', response: { 200: list, ...errs } } }, async (q) => services.sla.calendars.list(actorOf(q)) as never);
  r.post('/v1/sla-calendars', { config: { idempotent: true }, schema: { tags: sla, summary: 'Create a business calendar (IANA zone, weekly hours, holidays)', body: z.strictObject(calendarBody).partial(), response: { 201: documentSchema, ...errs } } }, async (q, reply) =>
    reply.code(201).send((await services.sla.calendars.create(actorOf(q), q.body as never)) as never),
  );
  r.patch('/v1/sla-calendars/:calendar', { schema: { tags: sla, summary: 'Change a calendar', params: params.calendar, body: z.strictObject(calendarBody).partial(), response: { 200: documentSchema, ...errs } } }, async (q) =>
    services.sla.calendars.update(actorOf(q), { ...(q.body as object), calendar: q.params.calendar } as never) as never,
  );
  r.delete('/v1/sla-calendars/:calendar', { schema: { tags: sla, summary: 'Remove a calendar no policy uses', params: params.calendar, response: { 200: documentSchema, ...errs } } }, async (q) =>
    services.sla.calendars.remove(actorOf(q), { calendar: q.params.calendar }) as never,
  );

  const routing = ['routing'];
  const ruleBody = z.strictObject({ name: z.string().max(100), position: z.number().int(), isEnabled: z.boolean(), conditions, actions }).partial();
  r.get('/v1/routing-rules', { schema: { tags: routing, summary: 'Routing rules in the order they run', response: { 200: list, ...errs } } }, async (q) => services.routing.rules.list(actorOf(q)) as never);
  r.post('/v1/routing-rules', { config: { idempotent: true }, schema: { tags: routing, summary: 'Create a rule', body: ruleBody, response: { 201: documentSchema, ...errs } } }, async (q, reply) =>
    reply.code(201).send((await services.routing.rules.create(actorOf(q), q.body as never)) as never),
  );
  r.patch('/v1/routing-rules/:rule', { schema: { tags: routing, summary: 'Change a rule; `position` moves it', params: params.rule, body: ruleBody, response: { 200: documentSchema, ...errs } } }, async (q) => {
    const actor = actorOf(q);
    const { position, ...rest } = q.body;
    let rule = Object.keys(rest).length ? await services.routing.rules.update(actor, { ...rest, rule: q.params.rule } as never) : undefined;
    if (position !== undefined) {
      const moved = await services.routing.rules.move(actor, { rule: rule?.name ?? q.params.rule, position });
      rule = moved.items.find((x) => x.name.toLowerCase() === (rule?.name ?? q.params.rule).toLowerCase());
    }
    return (rule ?? (await services.routing.rules.update(actor, { rule: q.params.rule }))) as never;
  });
  r.delete('/v1/routing-rules/:rule', { schema: { tags: routing, summary: 'Remove a rule', params: params.rule, response: { 200: documentSchema, ...errs } } }, async (q) =>
    services.routing.rules.remove(actorOf(q), { rule: q.params.rule }) as never,
  );

  r.get('/v1/groups', { schema: { tags: routing, summary: 'Agent groups and their members', response: { 200: list, ...errs } } }, async (q) => services.groups.list(actorOf(q)) as never);
  r.post('/v1/groups', { config: { idempotent: true }, schema: { tags: routing, summary: 'Create an agent group', body: z.strictObject(groupBody).partial(), response: { 201: documentSchema, ...errs } } }, async (q, reply) =>
    reply.code(201).send((await services.groups.create(actorOf(q), q.body as never)) as never),
  );
  r.patch('/v1/groups/:group', { schema: { tags: routing, summary: 'Rename a group or change its members', params: params.group, body: z.strictObject({ ...groupBody, add: strings, remove: strings }).partial(), response: { 200: documentSchema, ...errs } } }, async (q) =>
    services.groups.update(actorOf(q), { ...(q.body as object), group: q.params.group } as never) as never,
  );
  r.delete('/v1/groups/:group', { schema: { tags: routing, summary: 'Remove a group no rule uses', params: params.group, response: { 200: documentSchema, ...errs } } }, async (q) =>
    services.groups.remove(actorOf(q), { group: q.params.group }) as never,
  );
}
