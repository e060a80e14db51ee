import { z } from 'zod';
import { ERRORS } from '../core/errors.js';

/** The one error envelope of every 4xx/5xx answer. */
export const errorEnvelope = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERRORS) as [keyof typeof ERRORS, ...(keyof typeof ERRORS)[]]),
      message: z.string(),
      details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .meta({ id: 'Error' });

/** The error answers a route can give, for the OpenAPI document. */
export const errors = (...statuses: number[]) => Object.fromEntries(statuses.map((s) => [s, errorEnvelope])) as Record<number, typeof errorEnvelope>;

export const userSchema = z
  .object({
    id: z.string(),
    email: z.string(),
    name: z.string(),
    role: z.enum(['customer', 'agent', 'admin']),
    isDisabled: z.boolean(),
    hasPassword: z.boolean(),
    createdAt: z.string(),
  })
  .meta({ id: 'User' });

export const tokenPairSchema = z
  .object({
    tokenType: z.literal('Bearer'),
    accessToken: z.string(),
    accessTokenExpiresAt: z.string(),
    refreshToken: z.string(),
    refreshTokenExpiresAt: z.string(),
    user: userSchema,
  })
  .meta({ id: 'TokenPair' });

export const personSchema = z.object({ id: z.string(), email: z.string(), name: z.string() });

/** A ticket number in a path: digits only, so `../x` or `1e3` never reach the core. */
export const ticketParams = z.strictObject({ number: z.coerce.number().int().positive().max(2_147_483_647) });
