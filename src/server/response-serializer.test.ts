import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { compileWriter, responseSerializerCompiler } from './response-serializer.js';
import { aiOutcomeSchema, errorEnvelope, listedTicketSchema, listOf, messageSchema, ticketSchema, ticketWorkSchema } from './schemas.js';

const person = { id: 'u1', email: 'ana@example.com', name: null };
const ticket = {
  number: 1001, subject: 'Cannot log in "quoted" ✓', context: null, status: 'open', priority: 'medium', source: 'api', customer: person, assignee: null, aiEnabled: true,
  createdAt: '2026-11-25T09:00:00.000Z', updatedAt: '2026-11-25T09:00:00.000Z', firstResponseAt: null, lastResponseAt: null, resolvedAt: null, deletedAt: null, sla: { state: 'running', dueAt: null },
};
const message = { id: 'm1', kind: 'customer', author: person, body: 'Help\nme', visibleToCustomer: true, createdAt: '2026-11-25T09:00:00.000Z' };
const created = z.object({ created: z.literal(true), ticket: ticketSchema, message: messageSchema, ai: aiOutcomeSchema });

const cases: [string, z.ZodType, unknown][] = [
  ['a page of tickets', listOf(listedTicketSchema), { items: [{ ...ticket, snippet: null }, { ...ticket, number: 1002, assignee: person, snippet: '**log** in' }], nextCursor: 'abc' }],
  ['an empty page', listOf(listedTicketSchema), { items: [], nextCursor: null }],
  ['a new ticket with unknown keys to leave out', created, { created: true, ticket: { ...ticket, customerId: 'secret', customer: { ...person, passwordHash: 'x' } }, message, ai: { status: 'disabled', reason: 'not_configured' }, extra: 1 }],
  ['an optional key present as undefined', created, { created: true, ticket, message, ai: { status: 'queued', message: undefined, waitSeconds: 2.5 } }],
  ['an error', errorEnvelope, { error: { code: 'NOT_FOUND', message: 'No ticket #9', details: [{ path: 'ticket', message: 'unknown' }] } }],
  ['a schema with checks (zod writes it)', ticketWorkSchema, { tags: ['a'], category: null, time: { totalMinutes: 3, billableMinutes: 0 } }],
];
const invalid: [string, z.ZodType, unknown][] = [
  ['a status off the enum', listOf(listedTicketSchema), { items: [{ ...ticket, status: 'lost', snippet: null }], nextCursor: null }],
  ['a missing required key', created, { created: true, ticket: { ...ticket, subject: undefined }, message, ai: { status: 'disabled' } }],
  ['a literal that differs', created, { created: false, ticket, message, ai: { status: 'disabled' } }],
  ['a number that is not finite', created, { created: true, ticket: { ...ticket, number: Number.NaN }, message, ai: { status: 'disabled' } }],
  ['a string where an object goes', listOf(listedTicketSchema), { items: 'none', nextCursor: null }],
];
const compile = (compiler: FastifySerializerCompiler<unknown>, schema: z.ZodType) => compiler({ schema, method: 'GET', url: '/x', httpStatus: '200' });

describe('response serializer', () => {
  it.each(cases)('Given %s, it writes the same text as zod then JSON.stringify', (_label, schema, value) => {
    expect(compile(responseSerializerCompiler, schema)(value)).toBe(compile(zodSerializerCompiler as FastifySerializerCompiler<unknown>, schema)(value));
  });

  it.each(invalid)('Given %s, it refuses the answer as zod does', (_label, schema, value) => {
    expect(() => compile(zodSerializerCompiler as FastifySerializerCompiler<unknown>, schema)(value)).toThrow();
    expect(() => compile(responseSerializerCompiler, schema)(value)).toThrow(/Response doesn't match the schema/);
  });

  it('writes the busiest answers itself: a page of tickets, a new ticket, an error', () => {
    for (const schema of [listOf(listedTicketSchema), created, errorEnvelope]) expect(compileWriter(schema)).not.toBeNull();
    expect(compileWriter(ticketWorkSchema)).toBeNull();
  });
});
