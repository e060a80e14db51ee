import type { FastifyRouteSchemaDef } from 'fastify/types/schema.js';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { requestValidatorCompiler } from './request-validator.js';

const compile = (schema: z.ZodType, httpPart = 'querystring') =>
  requestValidatorCompiler({ schema, httpPart, method: 'GET', url: '/x' } as FastifyRouteSchemaDef<unknown>) as (data: unknown) => { value?: unknown; error?: unknown };

describe('request validator', () => {
  const plain = z.strictObject({ status: z.string().max(5).optional() });

  it('answers an empty query string with {} as zod does, and validates any other query with zod', () => {
    const validate = compile(plain);
    expect(validate({})).toEqual({ value: {} });
    expect(validate(Object.create(null))).toEqual({ value: {} });
    expect(validate({ status: 'open' })).toEqual({ value: { status: 'open' } });
    expect(validate({ status: 'far too long' }).error).toBeDefined();
    expect(validate({ unknown: 'x' }).error).toBeDefined();
  });

  it('leaves schemas whose answer to {} is not {} (defaults, required fields) and other request parts to zod', () => {
    expect(compile(z.object({ limit: z.string().default('25') }))({})).toEqual({ value: { limit: '25' } });
    expect(compile(z.object({ q: z.string() }))({}).error).toBeDefined();
    expect(compile(z.object({ n: z.string().optional() }), 'params')({})).toEqual({ value: {} });
  });
});
