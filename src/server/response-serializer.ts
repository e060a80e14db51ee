import type { FastifySerializerCompiler } from 'fastify';
import { serializerCompiler as zodSerializerCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';

/** The JSON text of a value that has the schema's shape, or undefined when it does not. */
type Write = (value: unknown) => string | undefined;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * A writer for the plain shapes the API answers with — objects (unknown keys left out, as zod strips
 * them), strings, finite numbers, booleans, enums, literals, nullable, optional keys and arrays, without
 * checks — or null for any other schema. It writes what `JSON.stringify` of zod's output would, in one
 * pass and without building that output.
 */
export function compileWriter(schema: z.core.$ZodType): Write | null {
  const def = schema._zod.def as z.core.$ZodTypeDef & Record<string, unknown>;
  if ((def.checks as unknown[] | undefined)?.length) return null;
  switch (def.type) {
    case 'string':
      return (v) => (typeof v === 'string' ? JSON.stringify(v) : undefined);
    case 'number':
      return (v) => (typeof v === 'number' && Number.isFinite(v) ? JSON.stringify(v) : undefined);
    case 'boolean':
      return (v) => (v === true ? 'true' : v === false ? 'false' : undefined);
    case 'enum':
    case 'literal': {
      const allowed = new Set<unknown>(def.type === 'enum' ? Object.values(def.entries as Record<string, unknown>) : (def.values as unknown[]));
      if ([...allowed].some((a) => typeof a !== 'string' && typeof a !== 'boolean' && !(typeof a === 'number' && Number.isFinite(a)) && a !== null)) return null;
      return (v) => (allowed.has(v) ? JSON.stringify(v) : undefined);
    }
    case 'nullable': {
      const inner = compileWriter(def.innerType as z.core.$ZodType);
      return inner && ((v) => (v === null ? 'null' : inner(v)));
    }
    case 'array': {
      const item = compileWriter(def.element as z.core.$ZodType);
      if (!item) return null;
      return (v) => {
        if (!Array.isArray(v)) return undefined;
        let out = '[';
        for (let i = 0; i < v.length; i++) {
          const text = item(v[i]);
          if (text === undefined) return undefined;
          out += i === 0 ? text : `,${text}`;
        }
        return `${out}]`;
      };
    }
    case 'object':
      return def.catchall ? null : objectWriter(def.shape as Record<string, z.core.$ZodType>);
    default:
      return null;
  }
}

function objectWriter(shape: Record<string, z.core.$ZodType>): Write | null {
  const keys: string[] = [];
  const prefixes: string[] = [];
  const optionals: boolean[] = [];
  const writes: Write[] = [];
  for (const [key, field] of Object.entries(shape)) {
    const optional = field._zod.def.type === 'optional';
    const write = compileWriter(optional ? ((field._zod.def as z.core.$ZodOptionalDef).innerType as z.core.$ZodType) : field);
    if (!write) return null;
    keys.push(key);
    prefixes.push(`${JSON.stringify(key)}:`);
    optionals.push(optional);
    writes.push(write);
  }
  // One string built by concatenation (no parts array to join): this writer runs for every object of every answer.
  return (v) => {
    if (!isRecord(v)) return undefined;
    let out = '{';
    for (let i = 0; i < keys.length; i++) {
      const value = v[keys[i]!];
      if (value === undefined && optionals[i]) continue;
      const text = writes[i]!(value);
      if (text === undefined) return undefined;
      out += out.length === 1 ? prefixes[i]! + text : `,${prefixes[i]!}${text}`;
    }
    return `${out}}`;
  };
}

/**
 * The API's response serializer: the same answers as fastify-type-provider-zod's (zod strips unknown
 * keys, and anything off the schema is a 500), written in one pass for the plain shapes where zod's
 * parse and a separate JSON.stringify were ~8 % of `GET /v1/tickets`' CPU (issue 14's profile). A value
 * the writer does not accept goes through zod, which answers it exactly as before (or refuses it).
 */
export const responseSerializerCompiler: FastifySerializerCompiler<unknown> = (route) => {
  const slow = (zodSerializerCompiler as FastifySerializerCompiler<unknown>)(route);
  const maybe = route.schema as unknown;
  const schema = maybe instanceof z.core.$ZodType ? maybe : isRecord(maybe) && maybe.properties instanceof z.core.$ZodType ? maybe.properties : null;
  const fast = schema ? compileWriter(schema) : null;
  if (!fast) return slow;
  return (data) => fast(data) ?? slow(data);
};
