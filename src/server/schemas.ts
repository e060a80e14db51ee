import { z } from 'zod';
import { messageSchema, userSchema } from '../core/documents.js';
import { ERRORS } from '../core/errors.js';

export { attachmentSchema, categorySchema, listedTicketSchema, listOf, messageSchema, personSchema, tagSchema, ticketSchema, ticketWorkSchema, userSchema } from '../core/documents.js';

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

/** A ticket number in a path: digits only, so `../x`, ` 12` or `1e3` never reach the core. */
export const ticketNumber = z
  .string()
  .regex(/^[1-9]\d{0,9}$/, 'must be a ticket number, e.g. 1042')
  .transform(Number)
  .pipe(z.number().max(2_147_483_647, 'is not a ticket number'));
export const ticketParams = z.strictObject({ number: ticketNumber });
export const uuidParam = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be an id (uuid)');


export const aiOutcomeSchema = z
  .object({
    status: z.enum(['replied', 'queued', 'rate_limited', 'human_assigned', 'disabled', 'handed_off']),
    message: messageSchema.optional(),
    waitSeconds: z.number().optional(),
    reason: z.string().optional(),
  })
  .meta({ id: 'AiOutcome', description: 'What the AI did with the customer message (replied, queued, …)' });

/** A JSON document whose full shape is defined by the core use case (history, stats, catalogues). */
export const documentSchema = z.record(z.string(), z.unknown());
